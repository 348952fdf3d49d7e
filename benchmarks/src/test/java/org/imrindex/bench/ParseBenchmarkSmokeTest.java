package org.imrindex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imrindex.corpus.GeneratedCorpus;
import org.imrindex.corpus.LetterGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/** Keeps the benchmark harness working; it times nothing and asserts no speed. */
class ParseBenchmarkSmokeTest {

  @Test
  void aTinyRunParsesEveryLetterAndReportsItsFigures() throws Exception {
    ParseBenchmark.Result r = ParseBenchmark.run(40, 1, 1);
    // the 40 real-size letters of seed 1 (imr generate --count 40 --seed 1), counted with a plain
    // pattern (page furniture lines dropped, each letter's lines joined) and wc: 93 rationales end
    // "Therefore, the request is [not] medically necessary.", 230,512 bytes (wc -c)
    assertEquals(40, r.letters());
    assertEquals(93, r.decisions());
    assertEquals(230_512, r.bytes());
    assertTrue(r.json().startsWith("{\"benchmark\":\"parse\",\"threads\":1,\"letters\":40,\"bytes\":230512,\"decisions\":93,\"parseSeconds\":"),
        r.json());
    assertTrue(r.table().lines().skip(1).findFirst().orElseThrow().matches("  parse to records +[0-9.]+ s +[0-9.]+ MB/s +[0-9,]+ letters/s"),
        "MB/s first, letters/s second: " + r.table());
  }

  @Test
  void aFolderOfLettersIsRepeatedToTheCount(@TempDir Path dir) throws Exception {
    // two generated letters in a folder, read five times over (1, 2, 1, 2, 1): the sizes from the
    // files, the decisions from the generator's truth
    GeneratedCorpus.write(dir, 2, 8);
    LetterGenerator g = new LetterGenerator(8);
    int first = g.next().items().size();
    int second = g.next().items().size();
    long a = Files.size(dir.resolve("0000/gen-000001.txt"));
    long b = Files.size(dir.resolve("0000/gen-000002.txt"));
    ParseBenchmark.Result r = ParseBenchmark.runOnFolder(dir, 5, 1);
    assertEquals(5, r.letters());
    assertEquals(3 * a + 2 * b, r.bytes());
    assertEquals(3 * first + 2 * second, r.decisions());
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
