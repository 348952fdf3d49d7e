package org.imrindex.query;

/** The query asks for more work than {@link QueryLimits} allows; the message says which bound, on one line. */
public final class QueryLimitException extends QuerySyntaxException {

  private static final long serialVersionUID = 1L;

  public QueryLimitException(String message) {
    super(message);
  }
}
