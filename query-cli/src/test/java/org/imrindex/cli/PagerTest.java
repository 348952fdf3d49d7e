package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether output goes through a pager and which, as git decides it; and a pager really receiving the output. */
class PagerTest {

  @TempDir
  Path tmp;

  private static final Map<String, String> NONE = Map.of();

  @Test
  void aTerminalGetsLessByDefault() {
    assertEquals(List.of("less", "-FRX"), Pager.choose("search", false, true, false, NONE));
    assertEquals(List.of("less", "-FRX"), Pager.choose("report", false, true, false, NONE));
  }

  @Test
  void imrPagerComesBeforePagerAndRunsThroughTheShell() {
    assertEquals(List.of("sh", "-c", "most -s"), Pager.choose("terms", false, true, false, Map.of("PAGER", "most -s")));
    assertEquals(List.of("sh", "-c", "less -S"), Pager.choose("terms", false, true, false, Map.of("IMR_PAGER", "less -S", "PAGER", "more")));
  }

  @Test
  void noPagerWhenPipedAskedNotToInTheShellOrForCommandsThatAreNotRead() {
    assertNull(Pager.choose("search", false, false, false, NONE)); // stdout is not a terminal
    assertNull(Pager.choose("search", true, true, false, NONE)); // --no-pager
    assertNull(Pager.choose("search", false, true, true, NONE)); // inside imr shell
    for (String command : new String[] {"shell", "index", "export", "completion", "generate", "demo", "verify", "--version"}) {
      assertNull(Pager.choose(command, false, true, false, NONE), command);
    }
    assertNull(Pager.choose(null, false, true, false, NONE));
    // an empty pager, or cat, is none (as for git)
    assertNull(Pager.choose("search", false, true, false, Map.of("PAGER", "")));
    assertNull(Pager.choose("search", false, true, false, Map.of("IMR_PAGER", "cat", "PAGER", "less")));
  }

  @Test
  void aPagerThatCannotStartIsNone() {
    assertNull(Pager.start(List.of(tmp.resolve("no-such-pager").toString()), NONE));
    // $PAGER naming a program that is not there: the shell would start and lose the output
    assertNull(Pager.start(List.of("sh", "-c", tmp.resolve("no-such-pager") + " -R"), Map.of("PATH", "/usr/bin:/bin")));
    assertNull(Pager.start(List.of("sh", "-c", "no-such-pager-anywhere -R"), Map.of("PATH", tmp.toString())));
    assertEquals(true, Pager.installed("sh -c 'cat'", "/usr/bin:/bin"));
    assertEquals(true, Pager.installed("$HOME/bin/pager", "")); // shell syntax: left to the shell
  }

  @Test
  void theOutputGoesThroughThePagerWholeAndTheSameAsPrinted() throws Exception {
    // a fake pager: a shell script that writes what it reads to a file
    Path script = tmp.resolve("fake-pager.sh");
    Path paged = tmp.resolve("paged.txt");
    Files.writeString(script, "#!/bin/sh\ncat > \"$1\"\n", StandardCharsets.UTF_8);
    String[] args = {"report", "--index", Fixtures.corpusIndex(), "--by", "drug_class", "--width", "100"};
    int exit = Imr.runPaged(Map.of("IMR_PAGER", "sh '" + script + "' '" + paged + "'", "PATH", "/usr/bin:/bin"), true, args);
    assertEquals(0, exit);
    Fixtures.Run direct = Fixtures.imr(args);
    assertEquals(0, direct.exit(), direct.err());
    // the pager has ended when runPaged returns: its file is complete
    assertEquals(direct.out(), Files.readString(paged, StandardCharsets.UTF_8));
    assertEquals(true, direct.out().startsWith("uphold rate by drug_class: 47 decisions, 32 upheld"), direct.out());
  }
}
