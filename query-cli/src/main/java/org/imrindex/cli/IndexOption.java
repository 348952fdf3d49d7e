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

  /** The index folder asked for, or the default. */
  Path resolve() {
    if (index != null) {
      return index;
    }
    if (shellDefault != null) {
      return shellDefault;
    }
    String env = System.getenv("IMR_INDEX");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of("imr-index");
  }
}
