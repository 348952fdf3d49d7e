package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A case number typed anywhere in a query, in any case or quoted, finds its letter's decisions; a
 * prefix finds a year's letters; {@code --filter case_number=} takes one or several. Expected
 * decisions are those of the bundled letters' expected records.
 */
class CaseNumberLookupTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> items(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("search", "--index", Fixtures.corpusIndex(), "--format", "json", "--limit", "50"));
    all.addAll(List.of(args));
    Fixtures.Run run = Fixtures.imr(all.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    List<String> out = new ArrayList<>();
    for (JsonNode h : JSON.readTree(run.out()).get("hits")) {
      out.add(h.get("case_number").asText() + " " + h.get("item").asText());
    }
    return out.stream().sorted().toList();
  }

  @Test
  void aCaseNumberFindsItsLettersDecisionsHoweverItIsTyped() throws IOException {
    List<String> expected = List.of("CM13-0058841 8 sessions of physical therapy for the lumbar spine", "CM13-0058841 Cyclobenzaprine 7.5mg #90",
        "CM13-0058841 MRI of the lumbar spine", "CM13-0058841 urine drug screen");
    assertEquals(expected, items("CM13-0058841"));
    assertEquals(expected, items("cm13-0058841"));
    assertEquals(expected, items("\"CM13-0058841\""));
    // with other clauses, AND-ed as bare words are (a bare word also matches the letter's own text, so a field here)
    assertEquals(List.of("CM13-0058841 MRI of the lumbar spine"), items("CM13-0058841 item:MRI"));
    assertEquals(List.of("CM13-0058841 MRI of the lumbar spine"), items("item:MRI cm13-0058841"));
  }

  @Test
  void aPrefixFindsTheLettersOfAYear() throws IOException {
    assertEquals(List.of("CM13-0012345 Lidoderm 5% patch #30 with 3 refills",
        "CM13-0031572 initial two week functional restoration program (80 hours)", "CM13-0047203 Naproxen 550mg #60",
        "CM13-0047203 Norco 10/325mg #120", "CM13-0058841 8 sessions of physical therapy for the lumbar spine",
        "CM13-0058841 Cyclobenzaprine 7.5mg #90", "CM13-0058841 MRI of the lumbar spine", "CM13-0058841 urine drug screen"), items("CM13*"));
  }

  @Test
  void filterByOneOrSeveralCaseNumbers() throws IOException {
    assertEquals(List.of("CM13-0031572 initial two week functional restoration program (80 hours)", "CM18-0077001 Celebrex 200mg #30"),
        items("--filter", "case_number=CM13-0031572,cm18-0077001"));
    assertEquals(List.of("CM13-0031572 initial two week functional restoration program (80 hours)", "CM18-0077001 Celebrex 200mg #30"),
        items("--filter", "case_number=CM13-0031572", "--filter", "case_number=CM18-0077001"));
    Fixtures.Run bad = Fixtures.imr("search", "--index", Fixtures.corpusIndex(), "--filter", "case_number=CM13");
    assertEquals(2, bad.exit());
    assertEquals("imr: case_number takes case numbers such as CM15-0000077, got 'CM13'\n", bad.err());
  }
}
