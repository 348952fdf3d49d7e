package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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

/**
 * The parser recovers what the generator wrote: layout, case number, and every item's facts, the
 * parts of a partly authorised request included, whatever shape its heading takes.
 */
class GeneratedLettersTest {

  @TempDir
  Path dir;

  @Test
  void parserRecoversEveryGeneratedItem() throws Exception {
    LetterParser parser = new LetterParser();
    LetterGenerator generator = new LetterGenerator(2024);
    List<String> mismatches = new ArrayList<>();
    int items = 0;
    int partial = 0;
    int leaving = 0;
    int ownLine = 0;
    int wrapped = 0;
    for (int i = 0; i < 1500; i++) {
      GeneratedLetter g = generator.next();
      DeterminationLetter l = parser.parseText(g.text(), new Source(g.name(), "-", "text/plain", null));
      if (!l.layout().toString().equals(g.layout())) {
        mismatches.add(g.name() + " layout " + l.layout() + " != " + g.layout());
      }
      if (!java.util.Objects.equals(l.caseNumber(), g.caseNumber())) {
        mismatches.add(g.name() + " case " + l.caseNumber() + " != " + g.caseNumber());
      }
      ownLine += (int) OWN_LINE.matcher(g.text()).results().count();
      if (!l.warnings().isEmpty()) {
        mismatches.add(g.name() + " warnings " + l.warnings());
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
        check(mismatches, where + "original request", want.originalRequest(), got.originalRequest());
        check(mismatches, where + "authorised by the claims administrator", want.authorizedByClaimsAdministrator(),
            got.authorizedByClaimsAdministrator());
        partial += want.originalRequest() != null ? 1 : 0;
        leaving += want.originalRequest() != null && want.item().equals(want.originalRequest()) ? 1 : 0;
        // an item heading wraps when it is longer than the generator's 96-column line
        wrapped += !g.layout().startsWith("professional") && !g.layout().startsWith("documents")
            && want.originalRequest() == null && want.item().length() + 1 > 96 ? 1 : 0;
        check(mismatches, where + "outcome", want.upheld() ? Outcome.UPHELD : Outcome.OVERTURNED, got.outcome());
        check(mismatches, where + "generic", want.generic(), got.drug() == null ? null : got.drug().generic());
        check(mismatches, where + "class", want.drugClass(), got.drug() == null ? null : String.valueOf(got.drug().drugClass()));
        check(mismatches, where + "pages", want.mtusPages(), got.mtusPages());
      }
    }
    assertEquals(List.of(), mismatches.subList(0, Math.min(20, mismatches.size())));
    // every item checked: in the 1,500 real-size letters of `imr generate --count 1500 --seed 2024`,
    // with page furniture lines dropped and each letter's lines joined, a plain-pattern count (Python
    // re) finds 2,815 rationales ending "Therefore, the request is [not] medically necessary.", 202
    // "was the original request." (8 of them "leaving the original request IMR eligible"), and 46
    // lines holding only "Upheld" or "Overturned"; 49 other headings of the standard and cover
    // letters span two or three lines
    assertEquals(2815, items);
    assertEquals(List.of(202, 8, 46, 49), List.of(partial, leaving, ownLine, wrapped));
  }

  private static final Pattern OWN_LINE = Pattern.compile("(?m)^(?:Upheld|Overturned)[ \\t]*$");

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
    // real-size letters, the default: the totals counted with grep in the 25 files (rationale
    // endings, the layouts' first lines, wc -c)
    assertTrue(run.out().matches("wrote 25 letters \\(54 decisions, 51 upheld, 0\\.1 MB\\) to \\Q" + dir + "\\E in \\d+\\.\\d s\n"), run.out());
    try (var files = Files.list(dir.resolve("0000"))) {
      assertEquals(25, files.count());
    }
    assertEquals("{\"seed\": 3, \"letters\": 25, \"decisions\": 54, \"upheld\": 51, \"overturned\": 3, \"bytes\": 128431, "
        + "\"byLayout\": {\"cover\": 5, \"documents-reviewed\": 4, \"professional-review\": 1, \"standard\": 15}}\n",
        Files.readString(dir.resolve(GeneratedCorpus.MANIFEST)));
    // --size compact: the short letters of before, counted the same way
    Path compact = dir.resolve("compact");
    Fixtures.Run small = Fixtures.imr("generate", "--count", "25", "--seed", "3", "--size", "compact", compact.toString());
    assertEquals(0, small.exit(), small.err());
    assertTrue(small.out().matches("wrote 25 letters \\(41 decisions, 35 upheld, 0\\.0 MB\\) to \\Q" + compact + "\\E in \\d+\\.\\d s\n"), small.out());
    assertEquals("{\"seed\": 3, \"letters\": 25, \"decisions\": 41, \"upheld\": 35, \"overturned\": 6, \"bytes\": 41702, "
        + "\"byLayout\": {\"cover\": 5, \"documents-reviewed\": 4, \"professional-review\": 3, \"standard\": 13}}\n",
        Files.readString(compact.resolve(GeneratedCorpus.MANIFEST)));
  }

  @Test
  void generateRejectsANonPositiveCount() {
    Fixtures.Run run = Fixtures.imr("generate", "--count", "0", dir.toString());
    assertEquals(2, run.exit());
    assertEquals("imr: --count must be at least 1, got 0", run.err().lines().findFirst().orElse(""));
  }

  @Test
  void generateRejectsAnUnknownSize() {
    Fixtures.Run run = Fixtures.imr("generate", "--count", "2", "--size", "huge", dir.toString());
    assertEquals(2, run.exit());
    assertEquals("imr: --size must be real or compact, got huge", run.err().lines().findFirst().orElse(""));
  }
}
