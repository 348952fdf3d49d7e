package org.imrindex.query;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file whole or not at all: into a partial file beside it, moved over it when
 * complete, so a cancelled or failed write leaves the file as it was (exports, charts, saved
 * analyses). A target that exists and is not a regular file (a FIFO, /dev/stdout) is written directly.
 */
public final class WholeFile {

  /** What goes into the file; returns what the caller wants back (rows written, say). */
  @FunctionalInterface
  public interface Body<T> {
    T write(OutputStream out) throws IOException;
  }

  private WholeFile() {}

  /** Writes {@code body} to {@code file} whole or not at all; returns the body's value. */
  public static <T> T write(Path file, Body<T> body) throws IOException {
    Path target = file.toAbsolutePath();
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      try (OutputStream out = Files.newOutputStream(target)) {
        return body.write(out);
      }
    }
    Path partial = target.resolveSibling("." + target.getFileName() + ".imr-partial");
    if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
      // said of the file asked for, not of the partial file beside it
      throw new java.nio.file.NoSuchFileException(file.toString(), null, "no folder " + target.getParent());
    }
    try {
      T value;
      try (OutputStream out = Files.newOutputStream(partial)) {
        value = body.write(out);
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return value;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** Writes {@code bytes} to {@code file} whole or not at all. */
  public static void write(Path file, byte[] bytes) throws IOException {
    write(file, out -> {
      out.write(bytes);
      return null;
    });
  }
}
