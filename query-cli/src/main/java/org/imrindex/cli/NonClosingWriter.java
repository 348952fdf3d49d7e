package org.imrindex.cli;

import java.io.FilterWriter;
import java.io.Writer;

/** A writer whose close only flushes, so Jackson never closes the command's output. */
final class NonClosingWriter extends FilterWriter {

  NonClosingWriter(Writer out) {
    super(out);
  }

  @Override
  public void close() {
    try {
      flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
