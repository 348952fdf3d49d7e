package org.imrindex.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While open, SIGTERM or Ctrl-C stops an ingest cleanly: a shutdown hook cancels it and holds the
 * JVM until the command has committed, released the index's lock and printed how it stopped
 * (or until {@link #GRACE_SECONDS}; after that the JVM ends as after a kill, at the last commit).
 * The JVM then exits with the signal's status (143 for SIGTERM, 130 for Ctrl-C).
 */
final class StopOnSignal implements AutoCloseable {

  /** Longest wait for the stop, in seconds: a commit of a full buffer takes a few. */
  static final int GRACE_SECONDS = 60;

  private static volatile StopOnSignal running;

  private final Runnable cancel;
  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread hook;

  /** Registers the hook; {@code cancel} asks the ingest to stop and returns at once. */
  StopOnSignal(Runnable cancel) {
    this.cancel = cancel;
    hook = new Thread(this::signalled, "imr-index-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    running = this;
  }

  /**
   * Asks the ingest running now, if any, to stop at its next commit, as Ctrl-C would; {@code imr shell}
   * calls it, since there Ctrl-C goes to the shell, not to the JVM's shutdown.
   */
  static void cancelRunning() {
    StopOnSignal r = running;
    if (r != null) {
      r.cancel.run();
    }
  }

  /** What the hook does when the JVM is told to end: cancel the ingest, then wait for the command to say how it ended. */
  void signalled() {
    cancel.run();
    try {
      done.await(GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The command has said how it ended: the JVM may go. */
  @Override
  public void close() {
    if (running == this) {
      running = null;
    }
    done.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it returns now that the latch is open
    }
  }
}
