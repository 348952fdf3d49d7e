package org.imrindex.cli;

import java.time.Duration;
import org.imrindex.parse.IsolatedParser;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --timeout S} option of the commands that parse PDF, HTML and DOCX in the parser process (index, extract). */
final class TimeoutOption {

  @Option(names = "--timeout", paramLabel = "S", defaultValue = "60",
      description = "Longest time to parse one PDF, HTML or DOCX file. Default: ${DEFAULT-VALUE}.")
  int seconds;

  /** How the parser process runs with this time limit; a limit under one second is a usage error. */
  IsolatedParser.Options parserOptions(CommandLine cl) {
    if (seconds < 1) {
      throw new CommandLine.ParameterException(cl, "--timeout must be at least 1");
    }
    return IsolatedParser.Options.defaults().withTimeout(Duration.ofSeconds(seconds));
  }
}
