package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What a run registers with picocli: reading a command's annotations is a large part of a cold start. */
class ImrStartTest {

  @Test
  void versionAloneRegistersNoCommandAndStillPrintsTheVersion() {
    for (String[] args : List.of(new String[] {"--version"}, new String[] {"-V"}, new String[] {"--debug", "--version"})) {
      CommandLine cl = Imr.commandLine(Imr.only(args));
      assertTrue(cl.getSubcommands().isEmpty(), String.join(" ", args));
      StringWriter out = new StringWriter();
      cl.setOut(new PrintWriter(out));
      assertEquals(ExitCode.OK, Imr.execute(cl, args));
      // the test classes have no jar manifest, so no Implementation-Version
      assertEquals("imr (development build)" + System.lineSeparator(), out.toString());
    }
  }

  @Test
  void aCommandRegistersItselfAndHelpOrNothingRegistersAll() {
    assertEquals("report", Imr.only(new String[] {"report", "--by", "drug_class"}));
    assertEquals("search", Imr.only(new String[] {"--debug", "search", "x"}));
    assertNull(Imr.only(new String[] {}));
    assertNull(Imr.only(new String[] {"--help"}));
    assertNull(Imr.only(new String[] {"help", "report"}));
    // --version with more after it is left to picocli with every command, as before
    assertNull(Imr.only(new String[] {"--version", "report"}));
  }
}
