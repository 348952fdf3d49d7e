package org.imrindex.schema;

import java.io.IOException;

/** The index folder holds something that is not an imr index (the user's files, another program's index): imr writes nothing there. */
public final class ForeignFolderException extends IOException {

  private static final long serialVersionUID = 1L;

  public ForeignFolderException(String message) {
    super(message);
  }
}
