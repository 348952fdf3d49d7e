package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.imrindex.model.LetterJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** imr audit: identifiers planted in copies of bundled letters are counted by kind and letter, never shown; the real letters raise no alarm. */
class AuditCommandTest {

  @TempDir
  Path tmp;

  /** A copy of a bundled seed with a case number put first and each {@code from} replaced by its {@code to}. */
  private static void plant(Path dir, String seed, String caseNumber, String... fromTo) throws IOException {
    String text = Files.readString(Fixtures.corpus().resolve("letters/seeds/" + seed), StandardCharsets.UTF_8);
    for (int i = 0; i < fromTo.length; i += 2) {
      int at = text.indexOf(fromTo[i]);
      assertTrue(at >= 0, seed + " has no '" + fromTo[i] + "'");
      text = text.substring(0, at) + fromTo[i + 1] + text.substring(at + fromTo[i].length());
    }
    Files.writeString(dir.resolve(caseNumber + ".txt"), "Case Number: " + caseNumber + "\n\n" + text, StandardCharsets.UTF_8);
  }

  private Path plantedIndex() throws IOException {
    Path letters = Files.createDirectories(tmp.resolve("letters"));
    // an SSN and a date of birth in the summary, another SSN in the first rationale
    plant(letters, "000_3a4e8d0113b4c357.txt", "CM13-0000001",
        "The patient is a 59-year-old male who", "The patient (SSN 123-45-6789, DOB: 03/14/1944) is a 59-year-old male who",
        "Decision rationale: The clinical", "Decision rationale: SSN 987-65-4321. The clinical");
    // a phone, an e-mail and a street address in the summary, a name in the first rationale
    plant(letters, "001_f0d839e0a1819322.txt", "CM13-0000002",
        "The injured worker is a 67-year-old male, who",
        "The injured worker, reached at (916) 555-0100 or jane.doe@example.com and living at 1234 Main Street, is a 67-year-old male, who",
        "Decision rationale: MTUS recommends", "Decision rationale: Per Ms. Garcia, MTUS recommends");
    // "Dear Mr. Smith" (one name, though two patterns find it), a claim number and "Patient: John Smith"
    plant(letters, "002_a6a157f838184cd8.txt", "CM13-0000003",
        "The injured worker is a 57 year old male with",
        "Dear Mr. Smith, Claim Number: 05A-123456. Patient: John Smith. The injured worker is a 57 year old male with");
    // a letter as bundled: nothing to find
    Files.copy(Fixtures.corpus().resolve("letters/seeds/003_1bf899ffda0acde2.txt"), letters.resolve("003.txt"));
    String index = tmp.resolve("index").toString();
    Fixtures.Run run = Fixtures.imr("index", "--index", index, "--quiet", letters.toString());
    assertEquals(0, run.exit(), run.err());
    return Path.of(index);
  }

  @Test
  void plantedIdentifiersAreCountedByKindAndLetterAndNeverShown() throws IOException {
    Path index = plantedIndex();
    Fixtures.Run run = Fixtures.imr("audit", "--index", index.toString());
    assertEquals(1, run.exit(), run.err());
    assertEquals("", run.err());
    assertEquals("""
        audit of 4 letters: 3 letters with possible identifiers
        kind            found  letters
        ssn                 2        1  CM13-0000001
        phone               1        1  CM13-0000002
        email               1        1  CM13-0000002
        claim_number        1        1  CM13-0000003
        street_address      1        1  CM13-0000002
        date_of_birth       1        1  CM13-0000001
        name                3        2  CM13-0000002 CM13-0000003
        """, run.out());

    Fixtures.Run json = Fixtures.imr("audit", "--index", index.toString(), "--format", "json");
    assertEquals(1, json.exit(), json.err());
    assertEquals("{\"letters\":4,\"letters_with_findings\":3,\"kinds\":{"
        + "\"ssn\":{\"found\":2,\"letter_ids\":[\"CM13-0000001\"]},"
        + "\"phone\":{\"found\":1,\"letter_ids\":[\"CM13-0000002\"]},"
        + "\"email\":{\"found\":1,\"letter_ids\":[\"CM13-0000002\"]},"
        + "\"claim_number\":{\"found\":1,\"letter_ids\":[\"CM13-0000003\"]},"
        + "\"street_address\":{\"found\":1,\"letter_ids\":[\"CM13-0000002\"]},"
        + "\"date_of_birth\":{\"found\":1,\"letter_ids\":[\"CM13-0000001\"]},"
        + "\"name\":{\"found\":3,\"letter_ids\":[\"CM13-0000002\",\"CM13-0000003\"]}}}\n", json.out());

    // no part of a planted value is printed
    for (String value : List.of("6789", "4321", "1944", "555", "0100", "jane", "example", "1234", "Main", "Smith", "Garcia", "John", "05A", "123456")) {
      assertFalse(run.out().contains(value) || json.out().contains(value), value);
    }
  }

  @Test
  void theRealLettersCaseNumbersAndDatesRaiseNoAlarm() throws IOException {
    Path letters = Files.createDirectories(tmp.resolve("real"));
    try (Stream<Path> s = Files.list(Fixtures.corpus().resolve("real-letters"))) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".txt")).toList()) {
        Files.copy(p, letters.resolve(p.getFileName()));
      }
    }
    String index = tmp.resolve("index").toString();
    assertEquals(0, Fixtures.imr("index", "--index", index, "--quiet", letters.toString()).exit());

    // what the audit reads is full of case numbers and dates that are not dates of birth: the
    // expected records of these letters hold 51 case numbers and over 250 dates in their case
    // number, summary, items and rationales
    Pattern date = Pattern.compile("\\b\\d{1,2}[/-]\\d{1,2}[/-]\\d{2,4}\\b|\\b(?:January|February|March|April|May|June|July|August"
        + "|September|October|November|December) \\d{1,2},? \\d{4}\\b");
    Pattern caseNumber = Pattern.compile("\\bCM\\d{2}-\\d{7}\\b");
    int dates = 0;
    int cases = 0;
    try (Stream<Path> s = Files.list(Fixtures.corpus().resolve("expected/real-letters"))) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
        JsonNode j = LetterJson.mapper().readTree(p.toFile());
        StringBuilder text = new StringBuilder(j.path("caseNumber").asText("")).append('\n').append(j.path("summary").asText(""));
        for (JsonNode d : j.get("decisions")) {
          text.append('\n').append(d.path("item").asText("")).append('\n').append(d.path("rationale").asText(""));
        }
        for (Matcher m = date.matcher(text); m.find(); ) {
          dates++;
        }
        for (Matcher m = caseNumber.matcher(text); m.find(); ) {
          cases++;
        }
      }
    }
    assertEquals(51, cases);
    assertTrue(dates > 250, "dates: " + dates);

    Fixtures.Run run = Fixtures.imr("audit", "--index", index);
    assertEquals(0, run.exit(), run.err());
    assertEquals("""
        audit of 51 letters: 0 letters with possible identifiers
        kind            found  letters
        ssn                 0        0
        phone               0        0
        email               0        0
        claim_number        0        0
        street_address      0        0
        date_of_birth       0        0
        name                0        0
        """, run.out());
  }

  @Test
  void helpListsTheExitCodesAndNoIndexSaysHowToMakeOne() {
    Fixtures.Run help = Fixtures.imr("audit", "--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().endsWith("""
        Exit codes:
          0     Nothing found.
          1     Something found (the letters are listed).
          2     Usage error.
          3     No index, or one this version cannot read (it says what to do).
          130   Interrupted (Ctrl-C).
        """), help.out());

    Fixtures.Run none = Fixtures.imr("audit", "--index", tmp.resolve("nothing").toString());
    assertEquals(3, none.exit());
    assertNotEquals("", none.err());
    assertEquals("", none.out());

    Fixtures.Run bad = Fixtures.imr("audit", "--index", tmp.toString(), "--format", "xml");
    assertEquals(2, bad.exit());
  }
}
