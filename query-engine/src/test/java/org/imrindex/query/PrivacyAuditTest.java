package org.imrindex.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled privacy-patterns.txt: every kind has patterns that find its samples and miss the letters' ordinary shapes. */
class PrivacyAuditTest {

  private static Map<String, Integer> zeros() {
    Map<String, Integer> out = new LinkedHashMap<>();
    PrivacyAudit.KINDS.forEach(k -> out.put(k, 0));
    return out;
  }

  @Test
  void theBundledRulesLoadWithEveryKindAndTheirSamplesHold() {
    PrivacyAudit.Rules rules = PrivacyAudit.standard();
    assertEquals(List.of("ssn", "phone", "email", "claim_number", "street_address", "date_of_birth", "name"), PrivacyAudit.KINDS);
    for (String kind : PrivacyAudit.KINDS) {
      assertTrue(!rules.patterns().get(kind).isEmpty(), kind);
      assertTrue(!rules.found().get(kind).isEmpty(), kind);
      assertTrue(!rules.missed().get(kind).isEmpty(), kind + " has no sample of what it must not find");
      for (String sample : rules.found().get(kind)) {
        // found as its own kind, once, and as no other kind
        Map<String, Integer> expected = zeros();
        expected.put(kind, 1);
        assertEquals(expected, PrivacyAudit.count(rules, sample), kind + ": " + sample);
      }
      for (String sample : rules.missed().get(kind)) {
        assertEquals(zeros(), PrivacyAudit.count(rules, sample), kind + ": " + sample);
      }
    }
  }

  @Test
  void overlappingMatchesOfOneKindCountOnceAndSeparateOnesEach() {
    PrivacyAudit.Rules rules = PrivacyAudit.standard();
    // "Dear Mr. Smith" is found by the Dear pattern and the title pattern: one name
    assertEquals(1, PrivacyAudit.count(rules, "Dear Mr. Smith, your SSN").get("name"));
    assertEquals(2, PrivacyAudit.count(rules, "SSN 123-45-6789 and 987-65-4321").get("ssn"));
    assertEquals(0, PrivacyAudit.count(rules, "").get("ssn"));
  }

  @Test
  void aMalformedRuleFileIsRefusedWithItsLine() {
    String all = """
        ssn | \\d{3}-\\d{2}-\\d{4}
        found ssn | 123-45-6789
        phone | x
        found phone | x
        email | x
        found email | x
        claim_number | x
        found claim_number | x
        street_address | x
        found street_address | x
        date_of_birth | x
        found date_of_birth | x
        name | x
        found name | x
        """;
    assertEquals(1, PrivacyAudit.parse(all).patterns().get("ssn").size());
    assertEquals("privacy-patterns.txt line 3: unknown kind 'fax'; kinds are ssn, phone, email, claim_number, street_address, date_of_birth, name",
        assertThrows(IllegalArgumentException.class, () -> PrivacyAudit.parse("# c\n\nfax | \\d+\n" + all)).getMessage());
    assertEquals("privacy-patterns.txt line 1: Unclosed group",
        assertThrows(IllegalArgumentException.class, () -> PrivacyAudit.parse("ssn | (\\d\n" + all)).getMessage());
    assertEquals("privacy-patterns.txt line 1: expected 'KIND | REGEX', 'found KIND | TEXT' or 'missed KIND | TEXT'",
        assertThrows(IllegalArgumentException.class, () -> PrivacyAudit.parse("ssn \\d+\n" + all)).getMessage());
    assertEquals("privacy-patterns.txt: kind name needs a pattern and a found sample",
        assertThrows(IllegalArgumentException.class, () -> PrivacyAudit.parse(all.replace("\nname | x\n", "\n"))).getMessage());
  }
}
