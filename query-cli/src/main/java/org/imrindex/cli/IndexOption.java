package org.imrindex.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index DIR} option every index command shares. */
final class IndexOption {

  @Option(names = "--index", paramLabel = "DIR",
      description = "Index folder. Default: $IMR_INDEX if set, else ./imr-index.")
  Path index;

  /** The shell's --index: the default of the commands typed in it, or null outside the shell. */
  static volatile Path shellDefault;

  /**
   * The index folder to read, refused when it names something that is not a folder (a regular
   * file, a device): a usage error, not a missing index.
   */
  Path readable() throws org.imrindex.query.QuerySyntaxException {
    return checkReadable(resolve());
  }

  /** {@code path}, or a one-line refusal when it exists and is not a folder. */
  static Path checkReadable(Path path) throws org.imrindex.query.QuerySyntaxException {
    if (path != null && java.nio.file.Files.exists(path) && !java.nio.file.Files.isDirectory(path)) {
      throw new org.imrindex.query.QuerySyntaxException("--index " + path + " is a file, not an index folder");
    }
    return path;
  }

  /** The index folder asked for, or the default. */
  Path resolve() {
    return index != null ? index : defaultIndex();
  }

  /** The index folder of a command without --index: the shell's, else $IMR_INDEX, else ./imr-index. */
  static Path defaultIndex() {
    if (shellDefault != null) {
      return shellDefault;
    }
    String env = System.getenv("IMR_INDEX");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of("imr-index");
  }
}
