package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.imrindex.model.LetterJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ur_modification dimension on the real letters: its counts are those of the hand-checked expected
 * records (corpus-samples/expected/real-letters), where a decision with an originalRequest or an
 * authorizedByClaimsAdministrator is partially_authorized: 19 of 120 decisions, in 15 of 51 letters.
 */
class UrModificationTest {

  @TempDir
  static Path tmp;

  private static String index;

  @BeforeAll
  static void indexTheRealLetters() throws IOException {
    Path letters = Files.createDirectories(tmp.resolve("real"));
    try (Stream<Path> s = Files.list(Fixtures.corpus().resolve("real-letters"))) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".txt")).toList()) {
        Files.copy(p, letters.resolve(p.getFileName()));
      }
    }
    index = tmp.resolve("index").toString();
    Fixtures.Run run = Fixtures.imr("index", "--index", index, "--quiet", letters.toString());
    assertEquals(0, run.exit(), run.err());
  }

  @Test
  void reportByUrModificationAndServiceCategoryHasTheExpectedRecordsCounts() {
    // counted by hand from the expected records: 19 partly authorised decisions (14 physical medicine,
    // 4 pharmaceutical, 1 evaluation and management), all upheld; 101 others, 95 upheld
    Fixtures.Run run = Fixtures.imr("report", "--index", index, "--by", "ur_modification", "--by", "service_category", "--min-n", "1");
    assertEquals(0, run.exit(), run.err());
    assertEquals("""
        uphold rate by ur_modification x service_category: 120 decisions, 114 upheld, 95.0% [95% CI 89.5-97.7]
        ur_modification x service_category            decisions  upheld    rate  share
        none / pharmaceutical                                26      25   96.2%  21.7%
        none / physical_medicine                             24      23   95.8%  20.0%
        none / diagnostic_imaging                            22      20   90.9%  18.3%
        partially_authorized / physical_medicine             14      14  100.0%  11.7%
        none / diagnostic_test                               12      11   91.7%  10.0%
        none / injection                                      8       7   87.5%   6.7%
        none / dme                                            4       4  100.0%   3.3%
        partially_authorized / pharmaceutical                 4       4  100.0%   3.3%
        none / evaluation_management                          2       2  100.0%   1.7%
        none / surgery                                        2       2  100.0%   1.7%
        none / behavioral_health                              1       1  100.0%   0.8%
        partially_authorized / evaluation_management          1       1  100.0%   0.8%
        """, run.out());

    Fixtures.Run alone = Fixtures.imr("report", "--index", index, "--by", "ur_modification");
    assertEquals(0, alone.exit(), alone.err());
    assertEquals("""
        uphold rate by ur_modification: 120 decisions, 114 upheld, 95.0% [95% CI 89.5-97.7]
        ur_modification       decisions  upheld    rate  95% CI        share
        none                        101      95   94.1%  [87.6- 97.2]  84.2%
        partially_authorized         19      19  100.0%  [83.2-100.0]  15.8%
        """, alone.out());
  }

  @Test
  void theJsonRowsEqualTheCountsOfTheExpectedRecords() throws IOException {
    Map<String, int[]> truth = new TreeMap<>();
    try (Stream<Path> s = Files.list(Fixtures.corpus().resolve("expected/real-letters"))) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
        for (JsonNode d : LetterJson.mapper().readTree(p.toFile()).get("decisions")) {
          boolean partly = !d.path("originalRequest").isNull() || !d.path("authorizedByClaimsAdministrator").isNull();
          String key = (partly ? "partially_authorized" : "none") + " / " + d.get("serviceCategory").asText();
          int[] c = truth.computeIfAbsent(key, k -> new int[2]);
          c[0]++;
          c[1] += d.get("outcome").asText().equals("upheld") ? 1 : 0;
        }
      }
    }
    Fixtures.Run run = Fixtures.imr("report", "--index", index, "--by", "ur_modification", "--by", "service_category",
        "--min-n", "1", "--format", "json");
    assertEquals(0, run.exit(), run.err());
    Map<String, int[]> reported = new TreeMap<>();
    for (JsonNode row : LetterJson.mapper().readTree(run.out()).get("rows")) {
      reported.put(row.get("ur_modification").asText() + " / " + row.get("service_category").asText(),
          new int[] {row.get("decisions").asInt(), row.get("upheld").asInt()});
    }
    assertEquals(truth.keySet(), reported.keySet());
    truth.forEach((k, v) -> assertEquals(java.util.Arrays.toString(v), java.util.Arrays.toString(reported.get(k)), k));
  }

  @Test
  void aFilterOnUrModificationKeepsThePartlyAuthorisedDecisionsOnly() throws IOException {
    Fixtures.Run run = Fixtures.imr("report", "--index", index, "--by", "service_category",
        "--filter", "ur_modification=partially_authorized", "--min-n", "1");
    assertEquals(0, run.exit(), run.err());
    assertEquals("""
        uphold rate by service_category: 19 decisions, 19 upheld, 100.0% [95% CI 83.2-100.0]
        service_category       decisions  upheld    rate  95% CI        share
        physical_medicine             14      14  100.0%  [78.5-100.0]  73.7%
        pharmaceutical                 4       4  100.0%  [51.0-100.0]  21.1%
        evaluation_management          1       1  100.0%  [20.7-100.0]   5.3%
        """, run.out());

    Fixtures.Run letters = Fixtures.imr("search", "--index", index, "--level", "letter",
        "--filter", "ur_modification=partially_authorized", "--format", "json", "--limit", "100");
    assertEquals(0, letters.exit(), letters.err());
    assertEquals(15, LetterJson.mapper().readTree(letters.out()).get("total").asInt());
  }

  @Test
  void aTypoInTheValueListsBothValues() {
    Fixtures.Run typo = Fixtures.imr("report", "--index", index, "--by", "outcome", "--filter", "ur_modification=partial");
    assertEquals(2, typo.exit());
    assertEquals("imr: no decision has ur_modification=partial; values are: none, partially_authorized\n", typo.err());
  }
}
