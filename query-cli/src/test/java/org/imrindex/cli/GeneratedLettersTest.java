package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imrindex.corpus.GeneratedCorpus;
import org.imrindex.corpus.GeneratedLetter;
import org.imrindex.corpus.LetterGenerator;
import org.imrindex.model.Decision;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.Outcome;
import org.imrindex.model.Source;
import org.imrindex.parse.LetterParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parser recovers what the generator wrote: layout, case number, and every item's facts. */
class GeneratedLettersTest {

  @TempDir
  Path dir;

  @Test
  void parserRecoversEveryGeneratedItem() throws Exception {
    LetterParser parser = new LetterParser();
    LetterGenerator generator = new LetterGenerator(2024);
    List<String> mismatches = new ArrayList<>();
    int items = 0;
    for (int i = 0; i < 1500; i++) {
      GeneratedLetter g = generator.next();
      DeterminationLetter l = parser.parseText(g.text(), new Source(g.name(), "-", "text/plain", null));
      if (!l.layout().toString().equals(g.layout())) {
        mismatches.add(g.name() + " layout " + l.layout() + " != " + g.layout());
      }
      if (!java.util.Objects.equals(l.caseNumber(), g.caseNumber())) {
        mismatches.add(g.name() + " case " + l.caseNumber() + " != " + g.caseNumber());
      }
      if (l.decisions().size() != g.items().size()) {
        mismatches.add(g.name() + " decisions " + l.decisions().size() + " != " + g.items().size());
        continue;
      }
      for (int k = 0; k < g.items().size(); k++) {
        GeneratedLetter.Item want = g.items().get(k);
        Decision got = l.decisions().get(k);
        items++;
        String where = g.name() + " item " + (k + 1) + " ";
        check(mismatches, where + "item", want.item(), got.item());
        check(mismatches, where + "outcome", want.upheld() ? Outcome.UPHELD : Outcome.OVERTURNED, got.outcome());
        check(mismatches, where + "generic", want.generic(), got.drug() == null ? null : got.drug().generic());
        check(mismatches, where + "class", want.drugClass(), got.drug() == null ? null : String.valueOf(got.drug().drugClass()));
        check(mismatches, where + "pages", want.mtusPages(), got.mtusPages());
      }
    }
    assertEquals(List.of(), mismatches.subList(0, Math.min(20, mismatches.size())));
    // every item checked: 2,551 rationales end "Therefore, the request is [not] medically necessary." in
    // the 1,500 letters of `imr generate --count 1500 --seed 2024` (counted with grep)
    assertEquals(2551, items);
  }

  private static void check(List<String> out, String what, Object want, Object got) {
    if (!java.util.Objects.equals(want, got)) {
      out.add(what + ": " + got + " != " + want);
    }
  }

  @Test
  void generateCommandWritesTheLettersAndSaysSo() throws Exception {
    Fixtures.Run run = Fixtures.imr("generate", "--count", "25", "--seed", "3", dir.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    // the totals counted with grep in the 25 files (rationale endings, headings, wc -c)
    assertTrue(run.out().matches("wrote 25 letters \\(41 decisions, 38 upheld, 0\\.0 MB\\) to \\Q" + dir + "\\E in \\d+\\.\\d s\n"), run.out());
    try (var files = Files.list(dir.resolve("0000"))) {
      assertEquals(25, files.count());
    }
    assertEquals("{\"seed\": 3, \"letters\": 25, \"decisions\": 41, \"upheld\": 38, \"overturned\": 3, \"bytes\": 41533, "
        + "\"byLayout\": {\"cover\": 2, \"documents-reviewed\": 5, \"standard\": 18}}\n", Files.readString(dir.resolve(GeneratedCorpus.MANIFEST)));
  }

  @Test
  void generateRejectsANonPositiveCount() {
    Fixtures.Run run = Fixtures.imr("generate", "--count", "0", dir.toString());
    assertEquals(2, run.exit());
    assertEquals("imr: --count must be at least 1, got 0", run.err().lines().findFirst().orElse(""));
  }
}
