package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fixed strings read from a regex, and that skipping on them never hides a match. */
class RequiredLiteralsTest {

  private static List<String> literals(String regex) {
    return RequiredLiterals.of(regex).map(RequiredLiterals::literals).orElse(null);
  }

  @Test
  void eachTopLevelAlternativeGivesItsLongestLiteralRun() {
    assertEquals(List.of("surgery", "surgical", "arthroscop"), literals("surgery|surgical|arthroscop"));
    assertEquals(List.of("rn visit"), literals("\\brn visits?\\b"));
    assertEquals(List.of("ultrasound"), literals("ultrasound,? \\d+ (?:times|x)\\b"));
    assertEquals(List.of("ultrasound"), literals("ultrasound(?! unit)"));
    assertEquals(List.of("release"), literals("(?:tunnel|finger)[^\\s]*\\s+release"));
    assertEquals(List.of("exam"), literals("\\bre-?exam(?:ination)?\\b"));
    assertEquals(List.of("home ", " aide"), literals("home (?:attendant|aide)|\\b[a-z|]+ aide"));
    assertEquals(List.of("wound", "care nurse"), literals("wound|wound[- ]care nurse"));
    assertEquals(List.of("x.y"), literals("x\\.y"));
  }

  @Test
  void anAlternativeWithoutAFixedStringMeansNoPrefilter() {
    assertEquals(List.of("mg", "tablet"), literals("\\d+\\s*mg|tablet"));
    assertEquals(null, literals("\\d+\\s*(?:mg|g)|tablet"));
    assertEquals(null, literals("\\b(?:gel|lotion)\\b"));
    assertEquals(null, literals("(?i)surgery"));
    assertEquals(null, literals("\\Qa|b\\E"));
    assertEquals(null, literals("a|"));
  }

  @Test
  void mayMatchIsFalseOnlyWithoutAnyLiteral() {
    RequiredLiterals r = RequiredLiterals.of("surgery|\\bpt\\b").orElseThrow();
    assertTrue(r.mayMatch("knee surgery"));
    assertTrue(r.mayMatch("apt"));
    assertFalse(r.mayMatch("physical therapy"));
  }

  /** Every rule of the bundled file against every real item: where the prefilter says no, the regex finds nothing. */
  @Test
  void noRuleIsSkippedOnAnItemItMatches() throws IOException {
    List<String> items = new ArrayList<>();
    for (ServiceCategorizerRealItemsTest.Label l : ServiceCategorizerRealItemsTest.labels()) {
      items.add(l.item().strip().toLowerCase(Locale.ROOT));
    }
    int skipped = 0;
    int prefiltered = 0;
    for (ServiceCategorizer.Rule rule : ServiceCategorizer.grouped(ServiceCategorizer.rules())) {
      Optional<RequiredLiterals> literals = Optional.ofNullable(rule.literals());
      if (literals.isEmpty()) {
        continue;
      }
      prefiltered++;
      for (String item : items) {
        if (!literals.get().mayMatch(item)) {
          skipped++;
          assertFalse(rule.pattern().matcher(item).find(), "line " + rule.line() + " skipped on " + item);
        }
      }
    }
    assertTrue(prefiltered >= 10, "most groups of rules have a prefilter: " + prefiltered);
    assertTrue(skipped > items.size() * 5, "the prefilter skips most scans: " + skipped);
  }
}
