package org.imrindex.index;

import java.nio.file.Path;

/** Progress of an ingest run; called from several threads, so implementations must be thread-safe. */
public interface IngestListener {

  /** How one file ended. */
  enum FileOutcome { INDEXED, DUPLICATE, UNCHANGED, REJECTED }

  /** The files are known; {@code total} will be reported. */
  void started(int total);

  /** One file is done. */
  void fileDone(Path file, FileOutcome outcome, Rejection rejection);

  /** The index was committed with this many letters written so far in the run. */
  default void committed(int lettersSoFar) {}

  /** A listener that ignores everything. */
  IngestListener NONE = new IngestListener() {
    @Override
    public void started(int total) {}

    @Override
    public void fileDone(Path file, FileOutcome outcome, Rejection rejection) {}
  };
}
