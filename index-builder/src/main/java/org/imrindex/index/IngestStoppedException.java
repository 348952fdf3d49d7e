package org.imrindex.index;

import java.io.IOException;
import java.util.List;

/**
 * An ingest stopped before it finished (asked to, or the disk is full or another I/O error): the
 * index is at its last commit. The message is one line that says why, where and how many letters
 * that commit holds; the files rejected before the stop are kept to be listed.
 */
public final class IngestStoppedException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient List<Rejection> rejected;
  private final boolean cancelled;

  IngestStoppedException(String message, List<Rejection> rejected, boolean cancelled, Throwable cause) {
    super(message, cause);
    this.rejected = List.copyOf(rejected);
    this.cancelled = cancelled;
  }

  /** The files rejected before the stop, sorted by path. */
  public List<Rejection> rejected() {
    return rejected;
  }

  /** True when the run was asked to stop ({@link Ingester#cancel()}), false when a write failed. */
  public boolean cancelled() {
    return cancelled;
  }
}
