package org.imrindex.schema;

/** The index was built in a way this version cannot use or extend (another analysis chain); the message says what to do. */
public final class IncompatibleIndexException extends java.io.IOException {

  private static final long serialVersionUID = 1L;

  public IncompatibleIndexException(String message) {
    super(message);
  }
}
