package org.imrindex.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.imrindex.index.IngestListener;
import org.imrindex.index.Rejection;

/**
 * Ingest progress on stderr: a progress bar (files/s, ETA) when stderr is a terminal, a plain line
 * every ten seconds otherwise, nothing with --quiet. The launcher tells whether stderr is a
 * terminal ({@code -Dimr.stderr.tty=true}); Java cannot see that for stderr alone.
 */
final class Progress implements IngestListener, AutoCloseable {

  private static final long PLAIN_EVERY_NANOS = 10_000_000_000L;

  private final boolean quiet;
  private final boolean terminal;
  private final PrintWriter err;
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger rejected = new AtomicInteger();
  private volatile int total;
  private volatile long start;
  private volatile long lastLine;
  private final LongSupplier clock;
  private ProgressBar bar;

  Progress(boolean quiet, PrintWriter err) {
    this(quiet, err, Boolean.getBoolean("imr.stderr.tty"), System::nanoTime);
  }

  /** With the terminal setting and clock given (tests). */
  Progress(boolean quiet, PrintWriter err, boolean terminal, LongSupplier clock) {
    this.quiet = quiet;
    this.terminal = terminal;
    this.err = err;
    this.clock = clock;
    // no line in a run's first ten seconds, even for files reported before the total is known
    this.start = clock.getAsLong();
    this.lastLine = start;
  }

  /** Files/s on the bar: the library's default format would follow the user's locale ("12,5"). */
  static DecimalFormat speedFormat() {
    return new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.ROOT));
  }

  @Override
  public void started(int total) {
    this.total = total;
    this.start = clock.getAsLong();
    this.lastLine = start;
    if (!quiet && terminal) {
      bar = new ProgressBarBuilder().setTaskName("indexing").setInitialMax(total).setUnit(" files", 1)
          .setStyle(ProgressBarStyle.ASCII).showSpeed(speedFormat()).setUpdateIntervalMillis(250)
          .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }
  }

  @Override
  public void fileDone(Path file, FileOutcome outcome, Rejection rejection) {
    int n = done.incrementAndGet();
    if (outcome == FileOutcome.REJECTED) {
      rejected.incrementAndGet();
    }
    if (bar != null) {
      bar.step();
      return;
    }
    long now = clock.getAsLong();
    if (!quiet && now - lastLine >= PLAIN_EVERY_NANOS) {
      synchronized (this) {
        if (now - lastLine >= PLAIN_EVERY_NANOS) {
          lastLine = now;
          double seconds = (now - start) / 1e9;
          // the total counts every path named; never print fewer than done
          err.printf(Locale.ROOT, "imr: %s of %s files (%.0f files/s), %s rejected%n", Numbers.grouped(n), Numbers.grouped(Math.max(n, total)), n / seconds,
              Numbers.grouped(rejected.get()));
          err.flush();
        }
      }
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
