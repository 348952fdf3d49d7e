package org.imrindex.parse;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells, without opening it, whether a path is a regular file (following symbolic links), and if
 * not what it is: opening a FIFO blocks until something writes to it, and a device can be read for
 * ever, so only regular files are ever opened.
 */
public final class RegularFiles {

  /**
   * Why a path is not a regular file that can be read.
   *
   * @param reason {@link RejectReason#NOT_A_REGULAR_FILE}, or {@link RejectReason#UNREADABLE} when
   *     there is nothing to read (missing, a broken link, a link loop)
   * @param detail what the path is, for a person
   */
  public record NotRegular(RejectReason reason, String detail) {}

  /** Links followed before a chain counts as a loop, as Linux's limit. */
  private static final int MAX_LINKS = 40;

  private static final int S_IFMT = 0170000;
  private static final int S_IFIFO = 0010000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFSOCK = 0140000;

  private RegularFiles() {}

  /** Null when {@code file} is, or links to, a regular file; else why it cannot be read as one. */
  public static NotRegular check(Path file) {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return Files.isSymbolicLink(file)
          ? new NotRegular(RejectReason.UNREADABLE, "broken symbolic link (its target does not exist)")
          : new NotRegular(RejectReason.UNREADABLE, "no such file or folder");
    } catch (FileSystemException e) {
      if (Files.isSymbolicLink(file) && linkLoops(file)) {
        return new NotRegular(RejectReason.UNREADABLE, "symbolic link loop");
      }
      return new NotRegular(RejectReason.UNREADABLE, "cannot read: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      return new NotRegular(RejectReason.UNREADABLE, "cannot read: " + e.getMessage());
    }
    if (attrs.isRegularFile()) {
      return null;
    }
    return new NotRegular(RejectReason.NOT_A_REGULAR_FILE, attrs.isDirectory() ? "a folder" : describeOther(file));
  }

  /** A FIFO, device or socket by its mode bits where the platform has them. */
  private static String describeOther(Path file) {
    try {
      int mode = (Integer) Files.getAttribute(file, "unix:mode");
      return switch (mode & S_IFMT) {
        case S_IFIFO -> "a FIFO (named pipe)";
        case S_IFCHR -> "a character device";
        case S_IFBLK -> "a block device";
        case S_IFSOCK -> "a socket";
        default -> "not a regular file";
      };
    } catch (IOException | RuntimeException e) {
      return "not a regular file";
    }
  }

  /** True when following {@code link} comes back to a link already seen (or goes on past Linux's limit). */
  private static boolean linkLoops(Path link) {
    Set<Path> seen = new HashSet<>();
    Path p = link.toAbsolutePath().normalize();
    for (int i = 0; i < MAX_LINKS; i++) {
      if (!seen.add(p)) {
        return true;
      }
      if (!Files.isSymbolicLink(p)) {
        return false; // the chain ends (at a missing or unreadable target): not a loop
      }
      try {
        p = p.resolveSibling(Files.readSymbolicLink(p)).toAbsolutePath().normalize();
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }
}
