package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTextTest {

  @Test
  void joinsWrappedLinesAndKeepsBlankIndentedAndExampleLines() {
    String[] source = {
      "The words that most distinguish the decisions matching --query from the",
      "rest, with their counts.",
      "",
      "Examples:  imr terms --compare outcome",
      "           imr terms --query x"
    };
    assertArrayEquals(new String[] {
      "The words that most distinguish the decisions matching --query from the rest, with their counts.",
      "",
      "Examples:  imr terms --compare outcome",
      "           imr terms --query x"
    }, HelpText.paragraphs(source));
  }

  @Test
  void helpNoLongerBreaksASentenceAtEverySourceLine() {
    CommandLine cl = Imr.commandLine();
    cl.setUsageHelpAutoWidth(false);
    cl.setUsageHelpWidth(80);
    StringWriter out = new StringWriter();
    CommandLine terms = cl.getSubcommands().get("terms");
    terms.usage(new PrintWriter(out));
    String help = out.toString();
    assertTrue(help.contains("The words and two-word phrases that most distinguish the decisions matching\n--query from the rest"), help);
    long shortLines = help.lines().takeWhile(l -> !l.startsWith("Examples")).filter(l -> l.length() < 30 && !l.isBlank()).count();
    assertEquals(0, shortLines, help);
  }
}
