package org.imrindex.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a chart or page whole or not at all: a partial file beside it, moved over it when written. */
final class ChartFiles {

  private ChartFiles() {}

  static void write(Path file, byte[] bytes) throws IOException {
    Path target = file.toAbsolutePath();
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      Files.write(target, bytes); // a FIFO, /dev/stdout
      return;
    }
    Path partial = target.resolveSibling("." + target.getFileName() + ".imr-partial");
    try {
      Files.write(partial, bytes);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
