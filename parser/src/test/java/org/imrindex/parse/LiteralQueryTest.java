package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The strings a rule pattern's matches hold, read from the pattern, and the scanner that finds them. */
class LiteralQueryTest {

  private static LiteralQuery any(String... strings) {
    return new LiteralQuery.AnyOf(List.of(strings));
  }

  @Test
  void aSequenceOfPlainPartsIsCrossedIntoWholeStrings() {
    assertEquals(any("no frequency", "no duration"), LiteralQuery.of("\\bno (?:frequency|duration)\\b"));
    assertEquals(Set.of("laboratory monitoring", "laboratory test", "laboratory work", "lab monitoring", "lab test",
        "lab work", "blood monitoring", "blood test", "blood work"),
        LiteralQuery.of("(?:lab(?:oratory)?|blood) (?:monitoring|tests?|work)").named());
    assertEquals(any("exceed", "in excess of"), LiteralQuery.of("\\bexceed(?:s|ed)?\\b|\\bin excess of\\b"));
  }

  @Test
  void partsSeparatedByUnknownTextAreEachRequired() {
    // "not" holds "no", "functional gains" holds "functional gain": the shorter strings say the same
    assertEquals(new LiteralQuery.AllOf(List.of(any("no"), any("pain relief", "functional gain"))),
        LiteralQuery.of("\\b(?:no|not)\\b[^;]{0,80}?\\b(?:pain relief|functional gains?)"));
    assertEquals(new LiteralQuery.AllOf(List.of(any("an"), any("be"))), LiteralQuery.of("an[^;]*be"));
    // a single character is not worth requiring
    assertEquals(any("be"), LiteralQuery.of("a[^;]*be"));
    assertEquals(any("there is"), LiteralQuery.of("(?<!when |if )there is"));
  }

  @Test
  void whatMayMatchAnythingOrIsNotFollowedAlwaysRuns() {
    assertEquals(LiteralQuery.ALWAYS, LiteralQuery.of("(?:red )?(?:flag)?"));
    assertEquals(LiteralQuery.ALWAYS, LiteralQuery.of("(?<!when )\\bx\\b|\\d+"));
    assertEquals(LiteralQuery.ALWAYS, LiteralQuery.of("(?i)abc"));
    assertEquals(LiteralQuery.ALWAYS, LiteralQuery.of("(a)\\1"));
    assertEquals(LiteralQuery.ALWAYS, LiteralQuery.of("[a-z&&[^b]]x"));
  }

  @Test
  void theScannerFindsOverlappingAndNonAsciiStringsInOnePass() {
    LiteralScanner scanner = new LiteralScanner(List.of("he", "she", "his", "hers", "café"));
    long[] hits = scanner.scan("ushers drink café");
    assertTrue(scanner.bind(any("she")).test(hits));
    assertTrue(scanner.bind(any("hers")).test(hits));
    assertTrue(scanner.bind(any("he")).test(hits));
    assertTrue(scanner.bind(any("café")).test(hits));
    assertFalse(scanner.bind(any("his")).test(hits));
    assertFalse(scanner.bind(new LiteralQuery.AllOf(List.of(any("he"), any("his")))).test(hits));
    assertTrue(scanner.bind(new LiteralQuery.Either(List.of(any("his"), any("hers")))).test(hits));
    assertFalse(scanner.bind(any("she")).test(scanner.scan("sh e")));
  }

  @Test
  void onEveryRationaleSentenceOfTheRealLettersTheBundledRulesMatchAsWithoutTheirPrefilter() throws Exception {
    LetterParser parser = new LetterParser();
    ReasonClassifier.Rules rules = ReasonClassifier.rules();
    int sentences = 0;
    long skipped = 0;
    for (Path letter : BundledLetters.realLetters(".txt")) {
      for (var d : parser.parse(letter).decisions()) {
        for (String s : Sentences.split(d.rationale())) {
          String lower = s.toLowerCase(Locale.ROOT);
          long[] hits = rules.scanner().scan(lower);
          sentences++;
          for (ReasonClassifier.Rule r : rules.lines()) {
            boolean plain = Pattern.compile(r.pattern().pattern()).matcher(lower).find();
            assertEquals(plain, r.find(lower), () -> "line " + r.line() + " on: " + lower);
            assertEquals(plain, r.find(lower, hits), () -> "line " + r.line() + " (scanned) on: " + lower);
            skipped += r.prefilter().test(hits) ? 0 : 1;
          }
        }
      }
    }
    assertTrue(sentences > 900, "sentences read: " + sentences);
    // the prefilters do their job: most sentence and rule pairs are never scanned
    assertTrue(skipped > sentences * (long) rules.lines().size() / 2, "skipped " + skipped);
  }
}
