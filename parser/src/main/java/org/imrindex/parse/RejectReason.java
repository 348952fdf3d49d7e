package org.imrindex.parse;

import java.util.Locale;

/** Why a file yielded no letter; counted and reported by the callers instead of aborting. */
public enum RejectReason {
  /** The file is missing or cannot be read. */
  UNREADABLE,
  /** A FIFO, device, socket or folder where a file was expected: never opened, as reading one can block for ever. */
  NOT_A_REGULAR_FILE,
  /** Zero bytes, or no text at all. */
  EMPTY,
  /** Over the size limit for one letter. */
  TOO_LARGE,
  /** Not a format letters come in (PDF, text, HTML, DOCX). */
  UNSUPPORTED_TYPE,
  /** A password-protected document. */
  ENCRYPTED,
  /** The format is known but the content is broken (truncated PDF, garbage). */
  CORRUPT,
  /** Text, but not an IMR determination letter. */
  NOT_A_DETERMINATION,
  /** A determination layout, but no decision could be read from it. */
  NO_DECISIONS,
  /** The parser took longer than the per-file limit (its process was killed). */
  TIMEOUT,
  /** The parser process died on this file (out of memory, or a crash). */
  PARSER_CRASHED;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
