package org.imrindex.query;

/**
 * A query stopped because its index was asked to cancel ({@link QueryIndex#cancel}), e.g. by Ctrl-C in
 * {@code imr shell}. Unchecked, so it passes through the engine's callbacks and parallel streams.
 */
public final class QueryCancelledException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A cancelled query. */
  public QueryCancelledException() {
    super("cancelled");
  }

  /** A cancelled query seen on another thread (parallel streams rethrow with the original as cause). */
  public QueryCancelledException(Throwable cause) {
    super("cancelled", cause);
  }
}
