package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.index.IndexVerifier;
import org.imrindex.index.IngestListener;
import org.imrindex.index.IngestRequest;
import org.imrindex.index.Ingester;
import org.imrindex.index.Rejection;
import org.imrindex.parse.IsolatedParser;
import org.imrindex.schema.IndexSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that stops before it ends (asked to by SIGTERM/Ctrl-C, or the disk is full) leaves the
 * index at its last commit, clean, and says so in one line after the files rejected so far. Each
 * stop is triggered by a count of files done, never by time.
 */
class IngestStopTest {

  @TempDir
  Path tmp;

  private Path letters;
  private Path index;

  /** A file that is not a letter (read first, rejected) and the five seeds. */
  @BeforeEach
  void lettersAndOneRejection() throws IOException {
    letters = Files.createDirectories(tmp.resolve("letters"));
    Files.writeString(letters.resolve("000-a-shopping-list.txt"), "milk, bread, eggs\n", StandardCharsets.UTF_8);
    try (Stream<Path> s = Files.list(Fixtures.corpus().resolve("letters/seeds"))) {
      for (Path p : s.toList()) {
        Files.copy(p, letters.resolve(p.getFileName()));
      }
    }
    index = tmp.resolve("index");
  }

  /** One thread (files in order), a commit every {@code commitEvery} letters and never by time. */
  private IngestRequest request(int commitEvery) {
    return new IngestRequest(index, List.of(letters), 1, commitEvery, Duration.ofDays(1), IsolatedParser.Options.defaults(),
        AnalysisChain.MEDICAL);
  }

  /** A listener that passes everything on to {@code progress} and runs {@code action} when the n-th file is done. */
  private static IngestListener onFile(IngestListener progress, int n, Runnable action) {
    AtomicInteger done = new AtomicInteger();
    return new IngestListener() {
      @Override
      public void started(int total) {
        progress.started(total);
      }

      @Override
      public void fileDone(Path file, FileOutcome outcome, Rejection rejection) {
        progress.fileDone(file, outcome, rejection);
        if (done.incrementAndGet() == n) {
          action.run();
        }
      }

      @Override
      public void committed(int lettersSoFar) {
        progress.committed(lettersSoFar);
      }
    };
  }

  private record Output(int exit, String out, String err) {}

  private Output indexCommand(IngestRequest request, java.util.function.Function<IngestListener, Ingester> ingesters) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = IndexCommand.run(request, ingesters, SummaryFormat.TEXT, true, new PrintWriter(out), new PrintWriter(err));
    return new Output(exit, out.toString(), err.toString());
  }

  @Test
  void aStopAskedAfterThreeFilesCommitsTheirTwoLettersListsTheRejectionAndSaysSo() throws IOException {
    IngestRequest request = request(1000);
    AtomicReference<Ingester> ingester = new AtomicReference<>();

    // what the SIGTERM/Ctrl-C hook does first (StopOnSignal#signalled): Ingester#cancel, here after the third file
    Output run = indexCommand(request, progress -> {
      ingester.set(new Ingester(request, onFile(progress, 3, () -> ingester.get().cancel())));
      return ingester.get();
    });

    assertEquals(3, run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals(rejectionLine()
        + "imr: indexing stopped as asked: the index " + index + " is at its last commit (2 letters); rerun to complete it\n", run.err());
    assertTrue(IndexVerifier.verify(index).clean());

    Fixtures.Run rerun = Fixtures.imr("index", "--index", index.toString(), "--quiet", "--threads", "1", letters.toString());
    assertEquals(1, rerun.exit(), rerun.err());
    assertTrue(rerun.out().startsWith("6 files: 3 indexed (3 letters, "), rerun.out());
    assertTrue(rerun.out().contains(" 2 unchanged, 1 rejected"), rerun.out());
  }

  @Test
  void theSignalHookCancelsTheIngestAndHoldsTheJvmUntilTheCommandHasSaidHowItEnded() throws InterruptedException {
    CountDownLatch cancelled = new CountDownLatch(1);
    StopOnSignal stop = new StopOnSignal(cancelled::countDown);
    Thread hook = new Thread(stop::signalled, "test-hook");
    hook.start();

    assertTrue(cancelled.await(60, TimeUnit.SECONDS), "the hook did not cancel the ingest");
    assertTrue(hook.isAlive(), "the hook let the JVM end before the command had committed and printed");
    stop.close();
    hook.join(TimeUnit.SECONDS.toMillis(60));
    assertFalse(hook.isAlive(), "the hook still holds the JVM after the command ended");
  }

  @Test
  void aDiskThatFillsUpAtACommitGivesOneLineAfterTheRejectionsAndTheIndexStaysAtItsLastCommit() throws IOException {
    // a commit every 2 letters: the 2 letters after the rejection are committed, then the disk is full
    // (after the 4th file) and the commit at the 4th letter fails
    IngestRequest request = request(2);
    AtomicBoolean full = new AtomicBoolean();
    ByteArrayOutputStream stray = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    Output run;
    System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
    try {
      run = indexCommand(request, progress -> new Ingester(request, onFile(progress, 4, () -> full.set(true)),
          path -> new FullDisk(FSDirectory.open(path), full::get, false)));
    } finally {
      System.setErr(stderr);
    }

    assertEquals(3, run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals(rejectionLine()
        + "imr: indexing stopped: the disk is full (writing the index " + index + "); the index is at its last commit (2 letters);"
        + " free some space and rerun to complete it\n", run.err());
    assertNoStackTrace(stray);
    assertTrue(IndexVerifier.verify(index).clean());

    Fixtures.Run rerun = Fixtures.imr("index", "--index", index.toString(), "--quiet", "--threads", "1", letters.toString());
    assertEquals(1, rerun.exit(), rerun.err());
    assertTrue(rerun.out().contains(" 2 unchanged, 1 rejected"), rerun.out());
  }

  @Test
  void aMergeThatFindsTheDiskFullPrintsNoStackTrace() throws IOException {
    // imr's writer configuration over a disk that has room for new segments but not for merging them
    ByteArrayOutputStream stray = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
    Throwable failure = null;
    try (Directory dir = new FullDisk(FSDirectory.open(tmp.resolve("merge")), () -> true, true)) {
      IndexWriter w = new IndexWriter(dir, IndexSchema.writerConfig(AnalysisChain.MEDICAL));
      for (int i = 0; i < 3; i++) {
        Document d = new Document();
        d.add(new StringField("id", "doc " + i, Field.Store.YES));
        w.addDocument(d);
        w.commit();
      }
      try {
        w.forceMerge(1);
      } catch (IOException | IllegalStateException expected) {
        // "background merge hit exception", or "this writer hit an unrecoverable error"
        failure = expected;
      }
      w.rollback();
      // a failed merge thread prints (if it does) as it ends, perhaps after the writer has given up on it: wait for each
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.getName().startsWith("Lucene Merge Thread")) {
          t.join();
        }
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    } finally {
      System.setErr(stderr);
    }
    assertNoStackTrace(stray);
    boolean diskFull = false;
    for (Throwable c = failure; c != null; c = c.getCause()) {
      diskFull |= String.valueOf(c.getMessage()).contains("No space left on device");
    }
    assertTrue(diskFull, "the merge did not fail for the full disk: " + failure);
  }

  /** Nothing printed on System.err behind the command's back but Lucene's one-time JUL notice on the vector module. */
  private static void assertNoStackTrace(ByteArrayOutputStream stray) {
    String printed = stray.toString(StandardCharsets.UTF_8);
    assertFalse(printed.contains("Exception") || printed.contains("\tat "), printed);
  }

  /** What imr says about the shopping list, as a run of it alone says it. */
  private String rejectionLine() throws IOException {
    Path list = letters.resolve("000-a-shopping-list.txt");
    Fixtures.Run run = Fixtures.imr("index", "--index", tmp.resolve("probe").toString(), "--quiet", list.toString());
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().startsWith("imr: " + list + ": not-a-determination: "), run.err());
    return run.err();
  }

  /**
   * A directory whose disk is full while {@code full} says so: new files cannot be written (all of
   * them, or only a merge's).
   */
  private static final class FullDisk extends FilterDirectory {
    private final java.util.function.BooleanSupplier full;
    private final boolean mergesOnly;

    FullDisk(Directory in, java.util.function.BooleanSupplier full, boolean mergesOnly) {
      super(in);
      this.full = full;
      this.mergesOnly = mergesOnly;
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
      if (full.getAsBoolean() && (!mergesOnly || context.context() == IOContext.Context.MERGE)) {
        throw new IOException("No space left on device");
      }
      return super.createOutput(name, context);
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
      if (full.getAsBoolean() && (!mergesOnly || context.context() == IOContext.Context.MERGE)) {
        throw new IOException("No space left on device");
      }
      return super.createTempOutput(prefix, suffix, context);
    }
  }
}
