package org.imrindex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the benchmark harness working; it times nothing and asserts no speed. */
class ParseBenchmarkSmokeTest {

  @Test
  void aTinyRunParsesEveryLetterAndReportsItsFigures() throws Exception {
    ParseBenchmark.Result r = ParseBenchmark.run(40, 1, 1);
    // the 40 letters of seed 1 (imr generate --count 40 --seed 1), counted with grep (page furniture
    // lines dropped, each letter's lines joined) and wc: 65 rationales end "Therefore, the request is
    // [not] medically necessary.", 66,050 bytes (wc -c)
    assertEquals(40, r.letters());
    assertEquals(65, r.decisions());
    assertEquals(66_050, r.bytes());
    assertTrue(r.json().startsWith("{\"benchmark\":\"parse\",\"threads\":1,\"letters\":40,\"bytes\":66050,\"decisions\":65,\"parseSeconds\":"),
        r.json());
  }

  @Test
  void recordsOtherThanTheGeneratorsFailTheRun() {
    ParseBenchmark.checkAgainstTruth(List.of("UU", "O"), List.of("UU", "O"));
    WrongAnswer e = assertThrows(WrongAnswer.class, () -> ParseBenchmark.checkAgainstTruth(List.of("UU", "O", "U"), List.of("UU", "U", "")));
    assertEquals(List.of(
        "gen-000002.txt outcomes (U upheld, O overturned): expected O, got U",
        "gen-000003.txt outcomes (U upheld, O overturned): expected U, got ",
        "letters parsed to other items or outcomes than generated: expected 0, got 2",
        "decisions: expected 4, got 3"), e.differences());
  }
}
