package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrindex.model.LetterJson;
import org.imrindex.query.SignificantTerms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TermsCommandTest {

  private static final ObjectMapper JSON = LetterJson.mapper();

  @TempDir
  static Path tmp;

  static String index;

  @BeforeAll
  static void indexTheCorpus() throws IOException {
    index = Fixtures.corpusIndex();
  }

  @Test
  void overturnedAndUpheldRationalesAreToldApartWithCountsAndAStatedScore() throws IOException {
    Fixtures.Run run = Fixtures.imr("terms", "--index", index, "--compare", "outcome", "--format", "json", "--limit", "40");
    assertEquals(0, run.exit(), run.err());
    JsonNode r = JSON.readTree(run.out());
    assertEquals(15, r.get("overturned").get("decisions").asInt());
    assertEquals(32, r.get("upheld").get("decisions").asInt());
    JsonNode notMedically = find(r.get("typical_of_upheld"), "not medically");
    int[] independent = countInExpectedRationales("not\\s+medically");
    assertEquals(independent[0], notMedically.get("count_overturned").asInt());
    assertEquals(independent[1], notMedically.get("count_upheld").asInt());
    // hand computation (0 and 31 occurrences in 679 and 1987 tokens): alpha = 500 * 31/2666 = 5.8140;
    // delta = ln(5.8140/1173.19) - ln(36.8140/2450.19) = -1.1092; sd = sqrt(1/5.8140 + 1/36.8140) = 0.4463; z = -2.4854
    assertEquals(-2.485, notMedically.get("z").asDouble(), 0.001);
    assertEquals(SignificantTerms.score("not medically", independent[0], independent[1], r.get("overturned").get("tokens").asLong(),
        r.get("upheld").get("tokens").asLong()).z(), notMedically.get("z").asDouble(), 0.0005);
    assertEquals("is medically", r.get("typical_of_overturned").get(0).get("term").asText());
    assertTiesInTermOrder(r.get("typical_of_overturned"));
    assertTiesInTermOrder(r.get("typical_of_upheld"));
  }

  /**
   * Terms with the same counts (so the same score) are listed in term order, whatever order the
   * letters were indexed in (the corpus index is built with several threads); both lists have such
   * ties, e.g. "records" and "the records". (The printed z is rounded, so ties are told by counts.)
   */
  private static void assertTiesInTermOrder(JsonNode terms) {
    int ties = 0;
    for (int i = 1; i < terms.size(); i++) {
      JsonNode a = terms.get(i - 1);
      JsonNode b = terms.get(i);
      if (a.get("count_overturned").equals(b.get("count_overturned")) && a.get("count_upheld").equals(b.get("count_upheld"))) {
        ties++;
        assertTrue(a.get("term").asText().compareTo(b.get("term").asText()) < 0, a + " before " + b);
      }
    }
    assertTrue(ties > 0, "no ties to check: " + terms);
  }

  @Test
  void aQueryIsContrastedWithTheRest() throws IOException {
    Fixtures.Run run = Fixtures.imr("terms", "--index", index, "--query", "rationale:benzodiazepines", "--format", "json");
    assertEquals(0, run.exit(), run.err());
    JsonNode r = JSON.readTree(run.out());
    assertEquals(4, r.get("matching").get("decisions").asInt());
    assertEquals(43, r.get("rest").get("decisions").asInt());
    assertTrue(find(r.get("typical_of_matching"), "benzodiazepines") != null, run.out());
  }

  @Test
  void exactlyOneOfQueryAndCompareIsRequired() {
    assertEquals(2, Fixtures.imr("terms", "--index", index).exit());
    assertEquals(2, Fixtures.imr("terms", "--index", index, "--query", "x", "--compare", "outcome").exit());
    Fixtures.Run bad = Fixtures.imr("terms", "--index", index, "--compare", "layout");
    assertEquals(2, bad.exit());
    assertEquals("imr: --compare takes 'outcome', got 'layout'\n", bad.err());
  }

  private static JsonNode find(JsonNode terms, String term) {
    for (JsonNode t : terms) {
      if (t.get("term").asText().equals(term)) {
        return t;
      }
    }
    return null;
  }

  /** Occurrences in the expected records' rationales: {overturned, upheld}. */
  private static int[] countInExpectedRationales(String regex) throws IOException {
    int[] out = new int[2];
    Pattern p = Pattern.compile("(?i)\\b" + regex + "\\b");
    for (Path letter : Fixtures.letters()) {
      for (JsonNode d : JSON.readTree(Fixtures.expectedOf(letter).toFile()).get("decisions")) {
        Matcher m = p.matcher(d.get("rationale").asText());
        while (m.find()) {
          out[d.get("outcome").asText().equals("overturned") ? 0 : 1]++;
        }
      }
    }
    return out;
  }
}
