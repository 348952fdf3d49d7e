package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The prefilters of rule patterns: read into required groups and alternatives, and exact on real sentences. */
class RuleAnchorsTest {

  @Test
  void aRequiredGroupGivesItsAlternativesAndTheLongerStringsWin() {
    assertEquals(Optional.of(List.of("pain relief", "functional gain")),
        RuleAnchors.of("\\b(?:no|not)\\b[^;]{0,80}?\\b(?:pain relief|functional gains?)"));
    assertEquals(Optional.of(List.of("exceed", "in excess of")), RuleAnchors.of("\\bexceed(?:s|ed)?\\b|\\bin excess of\\b"));
    // a long literal run outside groups is kept as it is
    assertEquals(Optional.of(List.of(" not recommended")), RuleAnchors.of("\\b(?:is|are) not recommended\\b"));
  }

  @Test
  void optionalGroupsLookaroundsAndAnAlternativeWithoutStringsGiveNone() {
    assertEquals(Optional.empty(), RuleAnchors.of("(?:red )?(?:flag)?"));
    assertEquals(Optional.empty(), RuleAnchors.of("(?<!when )\\bx\\b|\\d+"));
    assertEquals(Optional.of(List.of("there is")), RuleAnchors.of("(?<!when |if )there is"));
  }

  @Test
  void onEveryRationaleSentenceOfTheRealLettersTheBundledRulesMatchAsWithoutTheirPrefilter() throws Exception {
    LetterParser parser = new LetterParser();
    int sentences = 0;
    for (Path letter : BundledLetters.realLetters(".txt")) {
      for (var d : parser.parse(letter).decisions()) {
        for (String s : Sentences.split(d.rationale())) {
          String lower = s.toLowerCase(Locale.ROOT);
          sentences++;
          for (ReasonClassifier.Rule r : ReasonClassifier.rules().lines()) {
            boolean plain = Pattern.compile(r.pattern().pattern()).matcher(lower).find();
            assertEquals(plain, r.find(lower), () -> "line " + r.line() + " on: " + lower);
          }
        }
      }
    }
    assertEquals(true, sentences > 900, "sentences read: " + sentences);
  }
}
