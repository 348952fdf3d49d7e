package org.imrindex.corpus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.List;
import java.util.stream.Stream;

/** The sample letters packed with this module (jar resources), copied out for commands that read files. */
public final class BundledLetters {

  /** Where the letters are in the jar (or the classes folder), as {@code letters/} is in the checkout. */
  public static final String RESOURCE_DIR = "org/imrindex/corpus/letters";

  private BundledLetters() {}

  /**
   * Copies every bundled letter into {@code target}, in the checkout's layout ({@code seeds/…},
   * {@code samples/…}); returns how many, 0 if this module was loaded without them.
   */
  public static int copyTo(Path target) throws IOException {
    CodeSource source = BundledLetters.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return 0;
    }
    Path location;
    try {
      location = Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
      return 0;
    }
    if (Files.isDirectory(location)) {
      return copyTree(location.resolve(RESOURCE_DIR), target);
    }
    if (!Files.isRegularFile(location)) {
      return 0;
    }
    try (FileSystem jar = FileSystems.newFileSystem(location)) {
      return copyTree(jar.getPath(RESOURCE_DIR), target);
    }
  }

  private static int copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return 0;
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(from)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      // by name: a path inside the jar belongs to another file system than the target
      Path copy = to;
      for (Path part : from.relativize(file)) {
        copy = copy.resolve(part.toString());
      }
      Files.createDirectories(copy.getParent());
      Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
    }
    return files.size();
  }
}
