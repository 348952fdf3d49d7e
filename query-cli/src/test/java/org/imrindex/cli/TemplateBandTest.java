package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code template_band}: the share of a rationale's sentences that occur in at least two other
 * letters, in quarters, counted over the whole index when a report runs. The letters are written
 * here, so the bands are known by construction: B1 ("The MTUS guidelines allow N visits over M weeks
 * for myalgia.", its figures, case and spacing varied) is in letters 1-3, B2 ("As such, the request is
 * not medically necessary.") in letters 1 and 2; every other sentence is in one letter only. Letter 4,
 * indexed by a second run, brings B1 and B2 (in capitals): B2 is then in three letters, and the bands
 * of letters 1 and 2 rise although they were not indexed again. Indexing letter 1 again from another
 * file replaces it and changes nothing.
 */
class TemplateBandTest {

  @TempDir
  Path tmp;

  private static final String[] RATIONALES = {
    // 1: B1, B2 + 2 of its own: 1 of 4 boilerplate (25%), then 2 of 4 (50%)
    "The MTUS guidelines allow 10 visits over 8 weeks for myalgia. As such, the request is not medically necessary."
        + " He reports 7/10 pain in the left wrist after a fall at work. His grip strength improved by 20 percent with the last course.",
    // 2: the same shape
    "The MTUS guidelines allow 12 visits over 6 weeks for myalgia. She returned to modified duty in March."
        + " The left knee was swollen on examination. As such, the request is not medically necessary.",
    // 3: B1 + 4 of its own: 1 of 5 (20%) both times
    "the MTUS  guidelines allow 9 visits over 4 weeks for myalgia. The cervical spine showed spasm. He drives a forklift for a living."
        + " The home exercise program was not followed. Therefore, the cervical traction unit is not medically necessary.",
    // 4: B1, B2 + 1 of its own: 2 of 3 (67%)
    "The MTUS guidelines allow 14 visits over 2 weeks for myalgia. The patient underwent carpal tunnel release in 2014."
        + " AS SUCH, THE REQUEST IS NOT MEDICALLY NECESSARY."
  };

  private Path write(Path dir, int i) throws IOException {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve("letter-" + (i + 1) + ".txt"), Fixtures.professionalReview(
        String.format(java.util.Locale.ROOT, "CM18-009100%d", i + 1), "Internal Medicine", RATIONALES[i], "Physical therapy x " + (i + 6)),
        StandardCharsets.UTF_8);
  }

  @Test
  void bandsFollowTheLettersAddedLater() throws IOException {
    for (int i = 0; i < 3; i++) {
      write(tmp.resolve("first"), i);
    }
    write(tmp.resolve("later"), 3);
    String index = tmp.resolve("index").toString();
    assertEquals(0, Fixtures.imr("index", "--index", index, "--quiet", tmp.resolve("first").toString()).exit());

    // the Wilson interval of 3 of 3 is 43.9-100.0% (by hand: centre 0.7193, half-width 0.2807)
    Fixtures.Run three = Fixtures.imr("report", "--index", index, "--by", "template_band", "--by", "outcome");
    assertEquals(0, three.exit(), three.err());
    assertEquals("""
        uphold rate by template_band x outcome: 3 decisions, 3 upheld, 100.0% [95% CI 43.9-100.0]
        template_band  upheld  decisions
        0-25%               1          1
        25-50%              2          2
        """, three.out());

    assertEquals(0, Fixtures.imr("index", "--index", index, "--quiet", tmp.resolve("later").toString()).exit());
    // 4 of 4: 51.0-100.0% (centre 0.7550, half-width 0.2449)
    Fixtures.Run four = Fixtures.imr("report", "--index", index, "--by", "template_band", "--by", "outcome");
    assertEquals(0, four.exit(), four.err());
    assertEquals("""
        uphold rate by template_band x outcome: 4 decisions, 4 upheld, 100.0% [95% CI 51.0-100.0]
        template_band  upheld  decisions
        0-25%               1          1
        50-75%              3          3
        """, four.out());

    // letter 1 again, from another file: it replaces the old copy, whose deleted documents count for nothing
    Files.createDirectories(tmp.resolve("again"));
    Files.copy(tmp.resolve("first/letter-1.txt"), tmp.resolve("again/letter-1-copy.txt"));
    assertEquals(0, Fixtures.imr("index", "--index", index, "--quiet", tmp.resolve("again").toString()).exit());
    assertEquals(four.out(), Fixtures.imr("report", "--index", index, "--by", "template_band", "--by", "outcome").out());

    // the same bands filter searches and count as a facet
    Fixtures.Run filtered = Fixtures.imr("search", "--index", index, "--filter", "template_band=50-75%", "--format", "json", "--limit", "10");
    assertEquals(0, filtered.exit(), filtered.err());
    java.util.List<String> cases = new java.util.ArrayList<>();
    com.fasterxml.jackson.databind.JsonNode hits = org.imrindex.model.LetterJson.mapper().readTree(filtered.out()).get("hits");
    hits.forEach(h -> cases.add(h.get("case_number").asText()));
    java.util.Collections.sort(cases);
    assertEquals(java.util.List.of("CM18-0091001", "CM18-0091002", "CM18-0091004"), cases);
    Fixtures.Run facet = Fixtures.imr("search", "--index", index, "--facet", "template_band", "--limit", "0");
    assertEquals(0, facet.exit(), facet.err());
    assertEquals("4 decisions match (none past 4: --offset 0)\n\n  template_band: 50-75% 3, 0-25% 1\n", facet.out());
  }

  @Test
  void aBandFilterNamesTheBands() throws IOException {
    write(tmp.resolve("one"), 0);
    String index = tmp.resolve("index").toString();
    assertEquals(0, Fixtures.imr("index", "--index", index, "--quiet", tmp.resolve("one").toString()).exit());
    Fixtures.Run bad = Fixtures.imr("search", "--index", index, "--filter", "template_band=30%");
    assertEquals(2, bad.exit());
    assertEquals("imr: no decision has template_band=30%; values are: 0-25%, 25-50%, 50-75%, 75-100%\n", bad.err());
  }
}
