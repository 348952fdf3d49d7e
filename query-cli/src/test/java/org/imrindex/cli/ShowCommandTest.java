package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code imr show}: a whole letter by case number or id; checked against the letter's hand-written expected record. */
class ShowCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode expected() throws IOException {
    return JSON.readTree(Files.readString(Fixtures.corpus().resolve("expected/samples/y2013-02-two-drugs-mixed.json")));
  }

  @Test
  void textShowsTheHeaderEveryDecisionWithItsWholeRationaleAndTheSource() throws IOException {
    Fixtures.Run run = Fixtures.imr("show", "--index", Fixtures.corpusIndex(), "cm13-0047203");
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("CM13-0047203   (notice layout)", lines.get(0));
    JsonNode e = expected();
    assertTrue(lines.contains("Decision 1 of 2: upheld   " + e.get("decisions").get(0).get("item").asText()), run.out());
    assertTrue(lines.contains("Decision 2 of 2: overturned   " + e.get("decisions").get(1).get("item").asText()), run.out());
    // every word of each rationale, in order: the text wraps lines but cuts nothing
    String words = String.join(" ", run.out().split("\\s+"));
    for (JsonNode d : e.get("decisions")) {
      assertTrue(words.contains(String.join(" ", d.get("rationale").asText().strip().split("\\s+"))), d.get("item").asText());
    }
    assertTrue(lines.get(lines.size() - 1).startsWith("source: /") && lines.get(lines.size() - 1).endsWith("y2013-02-two-drugs-mixed.txt"),
        lines.get(lines.size() - 1));
  }

  @Test
  void jsonIsTheStoredRecord() throws IOException {
    Fixtures.Run run = Fixtures.imr("show", "--index", Fixtures.corpusIndex(), "CM13-0047203", "--format", "json");
    assertEquals(0, run.exit(), run.err());
    JsonNode record = JSON.readTree(run.out());
    assertEquals(expected().get("caseNumber"), record.get("caseNumber"));
    // the expected records hold no reasons (graded against hand labels instead): compared without them
    assertEquals(expected().get("decisions"), Fixtures.withoutReasons(record).get("decisions"));
  }

  @Test
  void aLetterWithoutACaseNumberIsShownByTheIdPrefixSearchHitsPrint() throws IOException {
    Fixtures.Run search = Fixtures.imr("search", "--index", Fixtures.corpusIndex(), "--format", "json", "--limit", "50");
    String id = null;
    for (JsonNode h : JSON.readTree(search.out()).get("hits")) {
      if (h.get("case_number").isNull()) {
        id = h.get("letter_id").asText();
        break;
      }
    }
    assertTrue(id != null && id.length() == 64, "a bundled letter without a case number");
    Fixtures.Run run = Fixtures.imr("show", "--index", Fixtures.corpusIndex(), id.substring(0, 12));
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("letter " + id + "   ("), run.out());
  }

  @Test
  void aMissingLetterIsExitOneAndABadKeyExitTwo() throws IOException {
    Fixtures.Run missing = Fixtures.imr("show", "--index", Fixtures.corpusIndex(), "CM99-0000001");
    assertEquals(1, missing.exit());
    assertEquals("imr: no letter with case number or id CM99-0000001\n", missing.err());
    assertEquals("", missing.out());
    Fixtures.Run shortKey = Fixtures.imr("show", "--index", Fixtures.corpusIndex(), "abc");
    assertEquals(2, shortKey.exit());
    assertEquals("imr: 'abc' is neither a case number nor a letter id (ids are 64 hex characters; at least 8 of them find one)\n",
        shortKey.err());
  }

  @Test
  void aLetterThatStatesNoDecisionDateIsDecidedOnItsLetterDateAndSaysSo() throws IOException {
    // the notice is "Dated: 11/18/2013", assigned 11/04/2013 and disputes a UR denial dated 10/01/2013
    Fixtures.Run notice = Fixtures.imr("show", "--index", Fixtures.corpusIndex(), "CM13-0047203");
    assertEquals(0, notice.exit(), notice.err());
    assertEquals("  decided 2013-11-18 (letter date)   assigned 2013-11-04   UR denial 2013-10-01", notice.out().lines().toList().get(1));
    // the cover page states "Date of IMR Decision: 11/02/2015" and "Dated: 11/02/2015"
    Fixtures.Run cover = Fixtures.imr("show", "--index", Fixtures.corpusIndex(), "CM15-0203311");
    assertEquals(0, cover.exit(), cover.err());
    assertEquals("  decided 2015-11-02   letter 2015-11-02   assigned 2015-10-14   UR denial 2015-09-29", cover.out().lines().toList().get(1));
    Fixtures.Run json = Fixtures.imr("show", "--index", Fixtures.corpusIndex(), "CM13-0047203", "--format", "json");
    JsonNode record = JSON.readTree(json.out());
    assertEquals("2013-11-18", record.get("decisionDate").asText());
    assertEquals("letter", record.get("decisionDateSource").asText());
  }
}
