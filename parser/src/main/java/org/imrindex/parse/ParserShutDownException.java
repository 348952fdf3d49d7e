package org.imrindex.parse;

/**
 * This program is shutting down (SIGTERM, Ctrl-C, an exit) and its parser children were stopped for
 * that: the file being parsed is not to blame, and no new child is started.
 */
public final class ParserShutDownException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  ParserShutDownException() {
    super("the parser process was stopped: this program is shutting down");
  }
}
