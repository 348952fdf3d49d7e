package org.imrindex.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.imrindex.query.QueryIndex;

/**
 * Opens indexes for the query commands: a fresh one per command normally; in the shell, one kept
 * open per folder and reopened only when the index has a newer commit.
 */
final class OpenIndexes {

  private static final Map<Path, QueryIndex> SHARED = new ConcurrentHashMap<>();
  private static final AtomicInteger OPENED = new AtomicInteger();
  private static volatile boolean keepOpen;
  private static volatile boolean cancelled;

  private OpenIndexes() {}

  /** An open index and whether closing the lease closes it. */
  record Lease(QueryIndex index, boolean owned) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      if (owned) {
        index.close();
      }
    }
  }

  /** From now on, keep indexes open between commands (the shell). */
  static void keepOpen() {
    keepOpen = true;
  }

  static Lease open(Path path) throws IOException {
    if (!keepOpen) {
      return new Lease(QueryIndex.open(path), true);
    }
    Path key = path.toAbsolutePath().normalize();
    synchronized (SHARED) {
      QueryIndex q = SHARED.get(key);
      if (q == null || q.isStale()) {
        if (q != null) {
          q.close();
        }
        q = QueryIndex.open(path);
        OPENED.incrementAndGet();
        SHARED.put(key, q);
      }
      if (cancelled) {
        q.cancel(); // Ctrl-C came before the command opened its index
      }
      return new Lease(q, false);
    }
  }

  /** Cancels what runs on the kept-open indexes, and what opens one, until {@link #clearCancel} (Ctrl-C in the shell). */
  static void cancelAll() {
    cancelled = true;
    for (QueryIndex q : SHARED.values()) {
      q.cancel();
    }
  }

  /** Lets the next command run: clears {@link #cancelAll}. */
  static void clearCancel() {
    synchronized (SHARED) {
      cancelled = false;
      for (QueryIndex q : SHARED.values()) {
        q.clearCancel();
      }
    }
  }

  /** Indexes opened in keep-open mode so far (tests check reuse). */
  static int openedSoFar() {
    return OPENED.get();
  }

  static void closeAll() throws IOException {
    synchronized (SHARED) {
      for (QueryIndex q : SHARED.values()) {
        q.close();
      }
      SHARED.clear();
      keepOpen = false;
    }
  }
}
