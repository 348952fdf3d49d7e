package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.imrindex.corpus.GeneratedLetter;
import org.imrindex.corpus.LetterGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every text printer writes counts of 1,000 and more with thousands separators (Locale.ROOT), and
 * JSON and CSV keep plain numbers: on the 1,200 letters of {@code imr generate --count 1200 --seed 5}.
 */
class ThousandsSeparatorsTest {

  @TempDir
  static Path dir;

  static String index;
  static Fixtures.Run generated;
  static Fixtures.Run indexed;

  @BeforeAll
  static void generateAndIndex() {
    generated = Fixtures.imr("generate", "--count", "1200", "--seed", "5", "--size", "compact", dir.resolve("letters").toString());
    index = dir.resolve("index").toString();
    indexed = Fixtures.imr("index", "--index", index, "--quiet", "--threads", "2", dir.resolve("letters").toString());
  }

  @Test
  void theGeneratorsTruthIsTheNumbersTheTestsBelowExpect() {
    // decisions and upheld per layout, from the generator itself (not the parser, index or report)
    Map<String, List<Integer>> truth = new TreeMap<>();
    LetterGenerator g = new LetterGenerator(5, LetterGenerator.Size.COMPACT);
    for (int i = 0; i < 1200; i++) {
      GeneratedLetter l = g.next();
      List<Integer> c = truth.computeIfAbsent(l.layout(), k -> new java.util.ArrayList<>(List.of(0, 0)));
      for (GeneratedLetter.Item item : l.items()) {
        c.set(0, c.get(0) + 1);
        c.set(1, c.get(1) + (item.upheld() ? 1 : 0));
      }
    }
    assertEquals(Map.of("standard", List.of(1107, 978), "cover", List.of(357, 320), "documents-reviewed", List.of(281, 257),
        "professional-review", List.of(163, 149)), truth); // 1,908 decisions, 1,704 upheld
  }

  @Test
  void generateAndIndexSummaries() {
    assertEquals(0, generated.exit(), generated.err());
    assertTrue(generated.out().matches("wrote 1,200 letters \\(1,908 decisions, 1,704 upheld, 2\\.0 MB\\) to .* in \\d+\\.\\d s\n"),
        generated.out());
    assertEquals(0, indexed.exit(), indexed.err());
    assertTrue(indexed.out().startsWith("1,200 files: 1,200 indexed (1,200 letters, 0 with parse warnings, 1,908 decisions),"
        + " 0 duplicates, 0 unchanged, 0 rejected in "), indexed.out());
  }

  @Test
  void stats() {
    Fixtures.Run run = Fixtures.imr("stats", "--index", index);
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("letters             1,200   with parse warnings 0 (0 decisions)", lines.get(0));
    // 1,704 / 1,908 = 89.3%
    assertEquals("decisions           1,908   upheld 1,704 (89.3%), overturned 204", lines.get(1));
    assertTrue(lines.get(2).matches("index size +\\d{1,3}(,\\d{3})+ bytes"), lines.get(2));
    Fixtures.Run json = Fixtures.imr("stats", "--index", index, "--format", "json");
    assertTrue(json.out().contains("\"letters\":1200,\"decisions\":1908,"), json.out());
  }

  @Test
  void verify() {
    Fixtures.Run run = Fixtures.imr("verify", "--index", index);
    assertEquals(0, run.exit(), run.err());
    // a document per letter and per decision: 1,200 + 1,908
    assertTrue(run.out().matches("clean: \\d+ segments, 3,108 documents checked\n"), run.out());
  }

  @Test
  void reportTextGroupsAndCsvDoesNot() {
    Fixtures.Run run = Fixtures.imr("report", "--index", index, "--by", "layout");
    assertEquals(0, run.exit(), run.err());
    // rates and Wilson intervals worked out by hand from the counts above
    assertEquals("""
        uphold rate by layout: 1,908 decisions, 1,704 upheld, 89.3% [95% CI 87.8-90.6]
        layout               decisions  upheld   rate  95% CI        share  uphold rate
        standard                 1,107     978  88.3%  [86.3- 90.1]  58.0%  ###########.
        cover                      357     320  89.6%  [86.0- 92.4]  18.7%  ###########.
        documents-reviewed         281     257  91.5%  [87.6- 94.2]  14.7%  ###########.
        professional-review        163     149  91.4%  [86.1- 94.8]   8.5%  ###########.
        """, run.out());
    Fixtures.Run csv = Fixtures.imr("report", "--index", index, "--by", "layout", "--format", "csv");
    assertEquals("standard,1107,978,129,0.8835,0.8632,0.9011,0.5802", csv.out().lines().toList().get(1));
  }

  @Test
  void countsTable() {
    Fixtures.Run run = Fixtures.imr("report", "--index", index, "--by", "layout", "--by", "outcome");
    assertEquals(0, run.exit(), run.err());
    assertEquals("""
        uphold rate by layout x outcome: 1,908 decisions, 1,704 upheld, 89.3% [95% CI 87.8-90.6]
        layout               upheld  overturned  decisions
        standard                978         129      1,107
        cover                   320          37        357
        documents-reviewed      257          24        281
        professional-review     149          14        163
        """, run.out());
  }

  @Test
  void searchHeaderHitNumbersAndFacets() {
    Fixtures.Run run = Fixtures.imr("search", "--index", index, "--level", "letter", "--offset", "1000", "--limit", "1",
        "--facet", "outcome");
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("1,200 letters match (showing 1,001-1,001)", lines.get(0));
    assertTrue(lines.get(2).startsWith("1,001. "), lines.get(2));
    assertEquals("  outcome: upheld 1,704, overturned 204", lines.get(lines.size() - 1));
    Fixtures.Run json = Fixtures.imr("search", "--index", index, "--level", "letter", "--limit", "0", "--format", "json");
    assertTrue(json.out().contains("\"total\":1200,"), json.out());
  }

  @Test
  void terms() {
    Fixtures.Run run = Fixtures.imr("terms", "--index", index, "--compare", "outcome", "--limit", "1");
    assertEquals(0, run.exit(), run.err());
    // 204 overturned and 1,704 upheld decisions, thousands of words on each side ("not medically", in every upheld
    // rationale, is left out as the template's)
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.get(0).matches("overturned: 204 decisions \\(\\d,\\d{3} words\\)   upheld: 1,704 decisions \\(\\d\\d,\\d{3} words\\)"),
        lines.get(0));
    assertTrue(lines.get(1).matches("left out as the letters' template: \\d+ terms \\(.*\\)"), lines.get(1));
    assertTrue(!run.out().contains("not medically"), run.out());
  }
}
