package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
    assertTrue(out.contains("20 files: 20 indexed (20 letters, 0 with parse warnings, 47 decisions), 0 duplicates, 0 unchanged, 0 rejected"), out);
    assertTrue(out.contains("$ imr search --index " + index + " 'rationale:\"long-term use\"' --facet drug_class --facet outcome --limit 3\n"
        + "5 decisions match rationale:\"long-term use\" (showing 1-3)\n"), out);
    assertTrue(out.contains("**long-term use**"), out);
    assertTrue(out.contains("  drug_class: benzodiazepine 4, muscle_relaxant 1\n"), out);
    assertTrue(out.contains("$ imr report --index " + index + " --by drug_class\n"
        + "uphold rate by drug_class: 47 decisions, 32 upheld, 68.1% [95% CI 53.8-79.6]\n"), out);
    assertTrue(out.contains("opioid                   8       6   75.0%  [40.9- 92.9]  17.0%  ###########....\n"), out);
    assertTrue(out.contains("Go further (the index stays at " + index + "):\n"), out);
  }

  @Test
  void demoWithoutLettersSaysWhereItLooked() {
    Fixtures.Run run = Fixtures.imr("demo", "--letters", tmp.resolve("nope").toString());
    assertEquals(3, run.exit());
    assertEquals("imr: letters folder not found: " + tmp.resolve("nope") + "\n", run.err());
  }

  @Test
  void theHintNamesALetterOfTheLettersUsed() throws IOException {
    Path mine = Files.createDirectories(tmp.resolve("mine"));
    Path letter = Files.copy(Fixtures.corpus().resolve("letters/seeds/001_f0d839e0a1819322.txt"), mine.resolve("my-letter.txt"));
    Fixtures.Run run = Fixtures.imr("demo", "--letters", mine.toString(), "--index", tmp.resolve("ix").toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("1 files: 1 indexed (1 letters, "), run.out());
    assertTrue(run.out().endsWith("  imr extract --format text " + letter + "   one letter, as imr reads it\n"), run.out());
  }

  @Test
  void outsideTheCheckoutTheDemoUsesTheLettersInTheJar() throws IOException {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    String before = System.getProperty("imr.home");
    System.setProperty("imr.home", elsewhere.toString());
    Fixtures.Run run;
    try {
      run = Fixtures.imr("demo", "--index", tmp.resolve("ix").toString());
    } finally {
      if (before == null) {
        System.clearProperty("imr.home");
      } else {
        System.setProperty("imr.home", before);
      }
    }
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    assertTrue(run.out().contains("20 files: 20 indexed (20 letters, 0 with parse warnings, 47 decisions), 0 duplicates, 0 unchanged, 0 rejected"), run.out());
    assertTrue(run.out().contains("uphold rate by drug_class: 47 decisions, 32 upheld, 68.1% [95% CI 53.8-79.6]\n"), run.out());
    Matcher hint = Pattern.compile("  imr extract --format text (.+)   one letter, as imr reads it\n").matcher(run.out());
    assertTrue(hint.find(), run.out());
    Path named = Path.of(hint.group(1));
    assertTrue(Files.isRegularFile(named), named.toString());
    assertTrue(!named.startsWith(Fixtures.corpus()), named + " is in the checkout");
    Fixtures.Run extract = Fixtures.imr("extract", "--format", "jsonl", named.toString());
    assertEquals(0, extract.exit(), extract.err());
    Matcher used = Pattern.compile("^\\$ imr index --index \\S+ (.+)\n").matcher(run.out());
    assertTrue(used.find(), run.out());
    Path copy = Path.of(used.group(1));
    assertTrue(named.startsWith(copy), named + " not in " + copy);
    try (Stream<Path> s = Files.walk(copy)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void noCommandIsAUsageError() {
    Fixtures.Run run = Fixtures.imr();
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("imr: missing a command"), run.err());
  }
}
