package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  @Test
  void demoParsesEveryBundledLetterAndShowsTheTotals() {
    Fixtures.Run run = Fixtures.imr("demo", "--letters", Fixtures.corpus().resolve("letters").toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    assertTrue(run.out().contains("  003_1bf899ffda0acde2.txt             standard             UU\n"), run.out());
    assertTrue(run.out().contains("  pr-02-two-items-latin1.txt           professional-review  UU\n"), run.out());
    assertTrue(run.out().contains("\n17 letters, 40 decisions, 28 upheld (70%)\n"), run.out());
    assertTrue(run.out().contains("  opioid                                             7       5\n"), run.out());
  }

  @Test
  void demoWithoutLettersSaysWhereItLooked(@org.junit.jupiter.api.io.TempDir Path empty) {
    Fixtures.Run run = Fixtures.imr("demo", "--letters", empty.resolve("nope").toString());
    assertEquals(3, run.exit());
    assertTrue(run.err().startsWith("imr: bundled letters not found"), run.err());
  }

  @Test
  void noCommandIsAUsageError() {
    Fixtures.Run run = Fixtures.imr();
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("imr: missing a command"), run.err());
  }
}
