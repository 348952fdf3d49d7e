package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

  @TempDir
  Path tmp;

  @Test
  void demoIndexesTheBundledLettersAndShowsASearchAndAReport() {
    Path index = tmp.resolve("demo-index");
    Fixtures.Run run = Fixtures.imr("demo", "--letters", Fixtures.corpus().resolve("letters").toString(), "--index", index.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    String out = run.out();
    assertTrue(out.contains("17 files: 17 indexed (17 letters, 40 decisions), 0 duplicates, 0 unchanged, 0 rejected"), out);
    assertTrue(out.contains("$ imr search --index " + index + " 'rationale:\"long-term use\"' --facet drug_class --facet outcome --limit 3\n"
        + "5 decisions match rationale:\"long-term use\" (showing 1-3)\n"), out);
    assertTrue(out.contains("**long-term use**"), out);
    assertTrue(out.contains("  drug_class: benzodiazepine 4, muscle_relaxant 1\n"), out);
    assertTrue(out.contains("$ imr report --index " + index + " --by drug_class\n"
        + "uphold rate by drug_class: 40 decisions, 28 upheld, 70.0% [95% CI 54.6-81.9]\n"), out);
    assertTrue(out.contains("opioid                  7        5   71.4%  [35.9- 91.8]  17.5%  ##############......\n"), out);
    assertTrue(out.contains("Go further (the index stays at " + index + "):\n"), out);
  }

  @Test
  void demoWithoutLettersSaysWhereItLooked() {
    Fixtures.Run run = Fixtures.imr("demo", "--letters", tmp.resolve("nope").toString());
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
