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
    JsonNode function = find(r.get("typical_of_overturned"), "function");
    int[] independent = countInExpectedRationales("function", true);
    assertEquals(independent[0], function.get("count_overturned").asInt());
    assertEquals(independent[1], function.get("count_upheld").asInt());
    // hand computation (6 and 3 occurrences in 678 and 1,985 tokens): alpha = 500 * 9/2663 = 1.68982;
    // delta = ln(7.68982/1170.31) - ln(4.68982/2480.31) = 1.24562; sd = sqrt(1/7.68982 + 1/4.68982) = 0.58589; z = 2.12602
    assertEquals(2.126, function.get("z").asDouble(), 0.001);
    assertEquals(1.2456, function.get("log_odds").asDouble(), 0.0001);
    assertEquals(SignificantTerms.score("function", independent[0], independent[1], r.get("overturned").get("tokens").asLong(),
        r.get("upheld").get("tokens").asLong()).z(), function.get("z").asDouble(), 0.0005);
    assertEquals("function", r.get("typical_of_overturned").get(0).get("term").asText());
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
  void theWordsThatStateTheOutcomeAreLeftOutAndSaidToBe() throws IOException {
    Fixtures.Run json = Fixtures.imr("terms", "--index", index, "--compare", "outcome", "--format", "json", "--limit", "1000");
    assertEquals(0, json.exit(), json.err());
    JsonNode r = JSON.readTree(json.out());
    for (String outcomeWords : new String[] {"not medically", "is medically", "medically necessary", "medically"}) {
      assertEquals(null, find(r.get("typical_of_overturned"), outcomeWords), json.out());
      assertEquals(null, find(r.get("typical_of_upheld"), outcomeWords), json.out());
    }
    JsonNode template = r.get("template_left_out");
    assertEquals(template.get("most_frequent").size(), template.get("terms").asInt(), json.out());
    assertTrue(template.get("most_frequent").toString().contains("\"not medically\""), json.out());
    Fixtures.Run text = Fixtures.imr("terms", "--index", index, "--compare", "outcome", "--limit", "1");
    assertEquals(0, text.exit(), text.err());
    String[] lines = text.out().split("\n");
    assertEquals("overturned: 15 decisions (678 words)   upheld: 32 decisions (1,985 words)", lines[0]);
    assertEquals("left out as the letters' template: " + template.get("terms").asInt() + " terms (\"" + template.get("most_frequent").get(0).asText()
        + "\", \"" + template.get("most_frequent").get(1).asText() + "\", \"" + template.get("most_frequent").get(2).asText() + "\", …)", lines[1]);
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
  private static int[] countInExpectedRationales(String regex, boolean anyCase) throws IOException {
    int[] out = new int[2];
    Pattern p = Pattern.compile((anyCase ? "(?i)" : "") + "\\b" + regex + "\\b");
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
