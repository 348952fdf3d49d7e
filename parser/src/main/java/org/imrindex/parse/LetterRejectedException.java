package org.imrindex.parse;

/** Thrown when a file yields no determination letter; carries a typed reason and a detail. */
public final class LetterRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final RejectReason reason;

  public LetterRejectedException(RejectReason reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  public LetterRejectedException(RejectReason reason, String detail, Throwable cause) {
    super(detail, cause);
    this.reason = reason;
  }

  public RejectReason reason() {
    return reason;
  }
}
