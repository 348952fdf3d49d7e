package org.imrindex.cli;

import picocli.CommandLine.Option;

/** The {@code --width} option of the commands that print text tables or hits. */
final class WidthOption {

  @Option(names = "--width", paramLabel = "N",
      description = "Columns to lay text out for. Default: $COLUMNS, else the terminal's width, else 80.")
  Integer width;

  /** The width to lay text out for (see {@link Terminal#width(Integer, String, boolean, String)}). */
  int columns() {
    return Terminal.width(width);
  }
}
