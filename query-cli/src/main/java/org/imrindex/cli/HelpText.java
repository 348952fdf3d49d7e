package org.imrindex.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Joins the hard-wrapped lines of each command's description into paragraphs, so that picocli
 * wraps them to the help width instead of breaking each source line again ("from the" / "rest").
 * A blank line, an indented line and a line starting "Example" begin a new paragraph.
 */
final class HelpText {

  private HelpText() {}

  /** Reflows the description of {@code cl} and of all its subcommands. */
  static void reflow(CommandLine cl) {
    UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
    usage.description(paragraphs(usage.description()));
    for (CommandLine sub : cl.getSubcommands().values()) {
      reflow(sub);
    }
  }

  static String[] paragraphs(String[] lines) {
    List<String> out = new ArrayList<>();
    StringBuilder current = null;
    for (String line : lines) {
      boolean starts = line.isBlank() || line.startsWith(" ") || line.startsWith("Example");
      if (current != null && !starts) {
        current.append(' ').append(line.strip());
        continue;
      }
      if (current != null) {
        out.add(current.toString());
      }
      if (line.isBlank()) {
        out.add(line);
        current = null;
      } else {
        current = new StringBuilder(line);
      }
    }
    if (current != null) {
      out.add(current.toString());
    }
    return out.toArray(String[]::new);
  }
}
