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
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;

/**
 * The files named by a command line: folders walked recursively (following links, loops reported),
 * hidden files skipped, in a stable order, with every path that could not be read named.
 *
 * @param files the regular files found
 * @param problems paths that could not be read, with why
 */
public record InputFiles(List<Path> files, List<Problem> problems) {

  /** A path that could not be read as input. */
  public record Problem(Path path, String message) {}

  /** Expands files and folders into files. */
  public static InputFiles expand(List<Path> inputs) {
    List<Path> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        problems.add(new Problem(input, "no such file or folder"));
      } else if (Files.isDirectory(input)) {
        TreeSet<Path> found = new TreeSet<>();
        try {
          Files.walkFileTree(input, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && !file.getFileName().toString().startsWith(".")) {
                found.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              problems.add(new Problem(file, e instanceof FileSystemLoopException ? "symbolic link loop, skipped" : "cannot read: " + e.getMessage()));
              return FileVisitResult.CONTINUE;
            }
          });
        } catch (IOException e) {
          problems.add(new Problem(input, "cannot read folder: " + e.getMessage()));
        }
        files.addAll(found);
      } else {
        files.add(input);
      }
    }
    return new InputFiles(List.copyOf(files), List.copyOf(problems));
  }
}
