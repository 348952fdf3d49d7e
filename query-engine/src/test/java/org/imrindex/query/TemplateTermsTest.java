package org.imrindex.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.analysis.AnalysisMode;
import org.imrindex.analysis.Analyzers;
import org.imrindex.analysis.TextKind;
import org.imrindex.model.Layout;
import org.imrindex.model.Outcome;
import org.imrindex.schema.IndexField;
import org.junit.jupiter.api.Test;

/** What {@code imr terms} counts as one term, and what it leaves out as the letters' template. */
class TemplateTermsTest {

  private static final Analyzer LITERAL = Analyzers.of(AnalysisChain.MEDICAL, TextKind.PROSE, AnalysisMode.EXACT);

  /** Term -> occurrences of one text counted on side A. */
  private static Map<String, Long> counts(String text) {
    SignificantTerms.Partial part = new SignificantTerms.Partial(1);
    SignificantTerms.count(LITERAL, IndexField.RATIONALE, text, true, new int[] {0}, part);
    Map<String, Long> out = new TreeMap<>();
    part.counts.forEach((term, c) -> out.put(term, c[0]));
    return out;
  }

  @Test
  void theFourAsOfOpioidMonitoringAreOneTermHoweverWritten() {
    for (String written : new String[] {"the 4 A's were", "the 4 As were", "the four A's were", "the 4As were", "the 4 A\u2019s were", "the (4 A's) were"}) {
      Map<String, Long> c = counts(written);
      assertEquals(1L, c.get("4 a's"), written + ": " + c);
      assertFalse(c.containsKey("4"), written + ": " + c);
      assertFalse(c.containsKey("four"), written + ": " + c);
      assertEquals(1L, c.get("the 4 a's"), written + ": " + c);
      assertEquals(1L, c.get("4 a's were"), written + ": " + c);
    }
  }

  @Test
  void aNumberBeforeOtherWordsStaysANumber() {
    Map<String, Long> c = counts("Norco 4 as needed, four times daily, 4");
    assertEquals(2L, c.get("4"), c.toString());
    assertEquals(1L, c.get("four"), c.toString());
    assertEquals(1L, c.get("4 as"), c.toString());
    assertEquals(1L, c.get("four times"), c.toString());
    assertFalse(c.containsKey("4 a's"), c.toString());
  }

  @Test
  void aTermInNearlyEveryDecisionOfALargeEnoughGroupIsTheTemplates() {
    long[] sizes = new long[Layout.values().length * 3];
    int[] coverUpheld = SignificantTerms.group(Layout.COVER, Outcome.UPHELD);
    assertEquals(2, coverUpheld.length);
    sizes[coverUpheld[0]] = 100; // the layout's decisions
    sizes[coverUpheld[1]] = 40; // its upheld ones
    long[] c = new long[3 + sizes.length];
    c[2] = 37;
    c[3 + coverUpheld[0]] = 37;
    c[3 + coverUpheld[1]] = 37; // 37 of 40 upheld: 92.5%
    assertTrue(SignificantTerms.isTemplate("is not", c, 1_000, sizes, true));
    c[3 + coverUpheld[1]] = 36; // 90%: not more than 90%
    assertFalse(SignificantTerms.isTemplate("is not", c, 1_000, sizes, true));
    sizes[coverUpheld[1]] = 29; // too few to say: 29 of 29 is not counted
    c[3 + coverUpheld[1]] = 29;
    assertFalse(SignificantTerms.isTemplate("is not", c, 1_000, sizes, true));
    c[2] = 901; // over 90% of all 1,000 decisions
    assertTrue(SignificantTerms.isTemplate("is not", c, 1_000, sizes, true));
  }

  @Test
  void theWordsThatStateTheOutcomeAreLeftOutOnlyWhenOutcomesAreCompared() {
    long[] c = new long[3 + Layout.values().length * 3];
    c[0] = 1;
    c[1] = 300;
    c[2] = 290;
    long[] sizes = new long[Layout.values().length * 3];
    assertTrue(SignificantTerms.isTemplate("not medically", c, 1_000, sizes, true));
    assertFalse(SignificantTerms.isTemplate("not medically", c, 1_000, sizes, false));
    assertFalse(SignificantTerms.isTemplate("lack of", c, 1_000, sizes, true));
  }

  @Test
  void theOutcomePhraseFileLoadsAndRefusesWhatItCannotMatch() {
    assertTrue(OutcomePhrases.standard().contains("not medically"));
    assertTrue(OutcomePhrases.standard().contains("is medically"));
    assertFalse(OutcomePhrases.standard().contains("not recommended"), "a reason, not the outcome");
    for (String phrase : OutcomePhrases.standard()) {
      assertTrue(phrase.matches("[a-z']+( [a-z']+)?"), phrase);
    }
    assertEquals("outcome-phrases.txt line 2: expected one or two lowercase words, got 'is not medically'",
        assertThrows(IllegalArgumentException.class, () -> OutcomePhrases.parse("# c\nis not medically\n")).getMessage());
    assertEquals("outcome-phrases.txt line 1: expected one or two lowercase words, got 'Upheld'",
        assertThrows(IllegalArgumentException.class, () -> OutcomePhrases.parse("Upheld")).getMessage());
    assertEquals("outcome-phrases.txt line 2: 'upheld' is listed twice",
        assertThrows(IllegalArgumentException.class, () -> OutcomePhrases.parse("upheld\nupheld")).getMessage());
  }
}
