package org.imrindex.index;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import org.imrindex.parse.RegularFiles;
import org.imrindex.parse.RejectReason;

/**
 * The files named by a command line: folders walked recursively (following links), hidden files and
 * the folders to skip (the index being written) left out, in a stable order. Only regular files are
 * kept; every other path is named with why: a FIFO, device or socket (never opened: reading one can
 * block for ever), a symbolic link loop, a broken link, a path that could not be read.
 *
 * @param files the regular files found
 * @param problems the paths that are not, with why, in order
 */
public record InputFiles(List<Path> files, List<Problem> problems) {

  /**
   * A path that could not be read as input.
   *
   * @param path the path
   * @param reason why, typed: {@link RejectReason#UNREADABLE} or {@link RejectReason#NOT_A_REGULAR_FILE}
   * @param message what it is, for a person
   */
  public record Problem(Path path, RejectReason reason, String message) {}

  /** Expands files and folders into files. */
  public static InputFiles expand(List<Path> inputs) {
    return expand(inputs, List.of());
  }

  /**
   * Expands files and folders into files, leaving out the folders in {@code skip} (and what is under
   * them) while walking, so an index kept inside its input folder is not read as letters.
   */
  public static InputFiles expand(List<Path> inputs, List<Path> skip) {
    List<Path> skipped = skip.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    List<Path> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        TreeSet<Path> found = new TreeSet<>();
        List<Problem> inFolder = new ArrayList<>();
        try {
          Files.walkFileTree(input, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return isSkipped(dir, skipped) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (file.getFileName().toString().startsWith(".")) {
                return FileVisitResult.CONTINUE;
              }
              if (attrs.isRegularFile()) {
                found.add(file);
              } else {
                // a FIFO, device or socket, or a link the walk could not follow (broken, or a loop)
                RegularFiles.NotRegular not = RegularFiles.check(file);
                if (not != null) {
                  inFolder.add(new Problem(file, not.reason(), not.detail()));
                } else {
                  found.add(file); // became a regular file since the walk looked at it
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              inFolder.add(e instanceof FileSystemLoopException
                  ? new Problem(file, RejectReason.UNREADABLE, "symbolic link loop")
                  : new Problem(file, RejectReason.UNREADABLE, "cannot read: " + e.getMessage()));
              return FileVisitResult.CONTINUE;
            }
          });
        } catch (IOException e) {
          inFolder.add(new Problem(input, RejectReason.UNREADABLE, "cannot read folder: " + e.getMessage()));
        }
        inFolder.sort(Comparator.comparing(Problem::path));
        problems.addAll(inFolder);
        files.addAll(found);
      } else {
        RegularFiles.NotRegular not = RegularFiles.check(input);
        if (not == null) {
          files.add(input);
        } else {
          problems.add(new Problem(input, not.reason(), not.detail()));
        }
      }
    }
    return new InputFiles(List.copyOf(files), List.copyOf(problems));
  }

  private static boolean isSkipped(Path dir, List<Path> skipped) {
    Path abs = dir.toAbsolutePath().normalize();
    for (Path s : skipped) {
      if (abs.equals(s)) {
        return true;
      }
      try {
        if (Files.exists(s) && Files.isSameFile(dir, s)) {
          return true;
        }
      } catch (IOException e) {
        // cannot tell: walk it
      }
    }
    return false;
  }
}
