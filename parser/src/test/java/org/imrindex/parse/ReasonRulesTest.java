package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.imrindex.model.ReasonCode;
import org.junit.jupiter.api.Test;

/** The bundled reasons.txt loads, uses every code, and each of its patterns compiles alone; bad lines are refused by number. */
class ReasonRulesTest {

  @Test
  void theBundledFileLoadsAndEveryCodeHasARuleThatGivesIt() {
    ReasonClassifier.Rules rules = ReasonClassifier.rules();
    Set<ReasonCode> given = EnumSet.noneOf(ReasonCode.class);
    for (ReasonClassifier.Rule r : rules.lines()) {
      Pattern.compile(r.pattern().pattern()); // each line compiles on its own, not only joined with its run
      if (r.code() != null && r.kind() != ReasonClassifier.Kind.UNLESS) {
        given.add(r.code());
      }
    }
    assertEquals(EnumSet.allOf(ReasonCode.class), given);
    assertTrue(rules.lines().stream().anyMatch(r -> r.kind() == ReasonClassifier.Kind.GUIDELINE));
    assertTrue(rules.lines().stream().anyMatch(r -> r.kind() == ReasonClassifier.Kind.ABOUT));
    assertTrue(rules.lines().stream().anyMatch(r -> r.kind() == ReasonClassifier.Kind.IGNORE));
  }

  @Test
  void commentsAndBlankLinesAreSkippedAndEachKeyIsRead() {
    ReasonClassifier.Rules rules = ReasonClassifier.parse("""
        # a comment
          # an indented comment

        not_recommended always | not recommended
        no_documented_benefit | no functional improvement
        no_documented_benefit unless | was documented
        insufficient_documentation fallback | no rationale
        guideline | ^mtus recommends
        about | in this case
        ignore | previously authorized
        """);
    assertEquals(7, rules.lines().size());
    assertEquals(4, rules.lines().get(0).line());
    assertEquals(ReasonClassifier.Kind.ALWAYS, rules.lines().get(0).kind());
    assertEquals(ReasonClassifier.Kind.UNLESS, rules.lines().get(2).kind());
    assertEquals(ReasonClassifier.Kind.FALLBACK, rules.lines().get(3).kind());
    assertEquals(null, rules.lines().get(4).code());
  }

  @Test
  void aBadLineIsRefusedWithItsNumber() {
    assertEquals("reasons.txt line 2: unknown code 'no_benefit'",
        assertThrows(IllegalArgumentException.class, () -> ReasonClassifier.parse("# x\nno_benefit | x\n")).getMessage());
    assertEquals("reasons.txt line 1: expected 'code', 'code always', 'code fallback' or 'code unless', not 'not_recommended often'",
        assertThrows(IllegalArgumentException.class, () -> ReasonClassifier.parse("not_recommended often | x\n")).getMessage());
    assertEquals("reasons.txt line 1: the pattern must be lowercase and not empty",
        assertThrows(IllegalArgumentException.class, () -> ReasonClassifier.parse("criteria_met | MTUS\n")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ReasonClassifier.parse("criteria_met | (x\n")).getMessage()
        .startsWith("reasons.txt line 1: Unclosed group"));
    assertEquals("reasons.txt line 1: expected 'code [always|fallback|unless] | pattern'",
        assertThrows(IllegalArgumentException.class, () -> ReasonClassifier.parse("criteria_met\n")).getMessage());
    assertEquals("reasons.txt: no rules", assertThrows(IllegalArgumentException.class, () -> ReasonClassifier.parse("# only\n")).getMessage());
  }
}
