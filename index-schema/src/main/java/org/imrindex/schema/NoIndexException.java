package org.imrindex.schema;

import java.io.IOException;
import java.nio.file.Path;

/** There is no index at the given folder. */
public final class NoIndexException extends IOException {

  private static final long serialVersionUID = 1L;

  public NoIndexException(Path index) {
    super("no index at " + index + "; make one with: imr index --index " + index + " FOLDER");
  }
}
