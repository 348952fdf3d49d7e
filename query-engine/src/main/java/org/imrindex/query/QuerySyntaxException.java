package org.imrindex.query;

/** The user's query or filter cannot be understood or asks too much; the message says what and where, on one line. */
public class QuerySyntaxException extends Exception {

  private static final long serialVersionUID = 1L;

  public QuerySyntaxException(String message) {
    super(message);
  }
}
