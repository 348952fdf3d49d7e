package org.imrindex.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imrindex.corpus.BundledLetters;
import org.imrindex.index.InputFiles;

/** The letters {@code imr demo} uses: the checkout's corpus-samples/letters, else the copy packed in the jar. */
final class DemoLetters {

  private DemoLetters() {}

  /**
   * corpus-samples/letters of the checkout the launcher runs from (imr.home), else of the working
   * folder; outside a checkout, the letters packed in the corpus-samples jar, copied to a new
   * temporary folder (it stays, as the demo's index does, for the commands the demo suggests).
   * Null if there are none.
   */
  static Path bundled() throws IOException {
    String home = System.getProperty("imr.home");
    Path base = home != null ? Path.of(home) : Path.of("");
    Path letters = base.resolve("corpus-samples").resolve("letters");
    if (Files.isDirectory(letters)) {
      Path cwd = Path.of("").toAbsolutePath();
      Path abs = letters.toAbsolutePath().normalize();
      return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
    }
    Path copy = Files.createTempDirectory("imr-demo-letters-");
    if (BundledLetters.copyTo(copy) == 0) {
      Files.delete(copy);
      return null;
    }
    return copy;
  }

  /** A letter of {@code dir} to name in the demo's hints: the first in path order, or null if it holds none. */
  static Path example(Path dir) {
    List<Path> files = InputFiles.expand(List.of(dir)).files();
    return files.isEmpty() ? null : files.get(0);
  }
}
