package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class SectionsTest {

  @Test
  void findsAHeadingWrappedOverThreeLines() {
    Sections s = Sections.split(List.of(
        "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON", "BY PROFESSIONAL REVIEWER", "AND WHY:", "MTUS page 23."));
    assertEquals(List.of("MTUS page 23."), s.lines(Heading.GUIDELINES_RELIED_UPON));
    assertEquals(List.of(), s.front());
  }

  @Test
  void keepsContentAfterAHeadingsColon() {
    Sections s = Sections.split(List.of("ISSUE AT DISPUTE: Norco 10/325mg #90", "CASE SUMMARY:", "text"));
    assertEquals(List.of("Norco 10/325mg #90"), s.lines(Heading.ISSUE_AT_DISPUTE));
    assertEquals(List.of("text"), s.lines(Heading.CASE_SUMMARY));
  }

  @Test
  void anUppercaseContentLineAfterAHeadingIsNotPartOfIt() {
    Sections s = Sections.split(List.of("ISSUE AT DISPUTE:", "MRI OF THE LUMBAR SPINE"));
    assertEquals(List.of("MRI OF THE LUMBAR SPINE"), s.lines(Heading.ISSUE_AT_DISPUTE));
  }

  @Test
  void headingWordsInMixedCaseProseAreNotHeadings() {
    Sections s = Sections.split(List.of("Clinical case summary was reviewed."));
    assertFalse(s.has(Heading.CLINICAL_SUMMARY));
    assertEquals(1, s.front().size());
  }
}
