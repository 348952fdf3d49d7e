package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.imrindex.model.Outcome;
import org.junit.jupiter.api.Test;

/** The parts of a 2013 notice, and the decisions they make ({@link NoticeLetter}, {@link NoticeDecisions}). */
class NoticeLetterTest {

  private static final String HEAD = """
      Notice of Independent Medical Review Determination
      Dated: 9/30/2013
      Date of UR Decision: 8/19/2013
      """;
  private static final String ONE = "1) MAXIMUS Federal Services, Inc. has determined the request for a cane is notmedically necessary"
      + " and appropriate.\n";
  private static final String TWO = "2) MAXIMUS Federal Services, Inc. has determined the request for a walker is medically necessary"
      + " and appropriate.\n";
  private static final String DECISION = """
      INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE
      An application for Independent Medical Review was filed on 9/6/2013 disputing the
      Utilization Review Denial dated 8/19/2013. A Notice of Assignment and Request for
      Information was provided to the above parties on 9/23/2013.
      """;
  private static final String REST = """
      Medical Qualifications of the Expert Reviewer:
      The physician reviewer is Board Certified in Neurology and is licensed to practice in Oregon.
      Case Summary:
      Disclaimer: The following case summary was taken directly from the utilization review denial dated Aug. 19, 2013.
      The patient is a 70 year-old woman who fell at work.
      1) Regarding the request for a
      cane:
      Medical Treatment Guideline(s) Relied Upon by the Claims Administrator:
      ODG, Knee chapter, Walking aids.
      Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer:
      ODG, Knee chapter, Walking aids (canes, crutches, braces, orthoses, and walkers).
      Rationale for the Decision:
      She walks without an aid. The request is not medically necessary.
      2. Issue/s at dispute: Is the request for a walker medically necessary?
      Guidelines relied upon by the Claims Administrator: ODG, Knee chapter.
      Guidelines relied upon by the Expert Reviewer: ODG, Knee chapter.
      Rationale for the Decision: She falls often. The request for a walker is medically necessary.
      Effect of the Decision:
      The results of this review are binding.
      """;

  private static NoticeLetter.Notice notice(String text) {
    return NoticeLetter.read(new TextCleaner().clean(text).lines());
  }

  private static List<RawDecision> decisions(String text) {
    return NoticeDecisions.of(notice(text));
  }

  @Test
  void cutsTheNoticeIntoItsParts() {
    NoticeLetter.Notice n = notice(HEAD + ONE + TWO + DECISION + ONE + TWO + REST);
    assertEquals(List.of("Notice of Independent Medical Review Determination", "Dated: 9/30/2013", "Date of UR Decision: 8/19/2013"),
        n.header());
    assertEquals(4, n.statements().size());
    assertEquals("The physician reviewer is Board Certified in Neurology and is licensed to practice in Oregon.", n.qualifications());
    assertEquals("The patient is a 70 year-old woman who fell at work.", n.summary());
    assertEquals(Map.of(CoverFields.Label.APPLICATION_RECEIVED, "9/6/2013", CoverFields.Label.UR_DENIAL_DATE, "8/19/2013",
        CoverFields.Label.DATE_ASSIGNED, "9/23/2013"), n.statedDates());
    assertEquals(new NoticeLetter.ItemSection(1, "cane", null, "ODG, Knee chapter, Walking aids.",
        "ODG, Knee chapter, Walking aids (canes, crutches, braces, orthoses, and walkers).",
        "She walks without an aid. The request is not medically necessary."), n.sections().get(0));
    assertEquals(new NoticeLetter.ItemSection(2, "walker", null, "ODG, Knee chapter.", "ODG, Knee chapter.",
        "She falls often. The request for a walker is medically necessary."), n.sections().get(1));
  }

  @Test
  void theRepeatedListIsOneListOfDecisionsEachWithItsSection() {
    List<RawDecision> d = decisions(HEAD + ONE + TWO + DECISION + ONE + TWO + REST);
    assertEquals(List.of("cane", "walker"), d.stream().map(RawDecision::item).toList());
    assertEquals(List.of(Outcome.UPHELD, Outcome.OVERTURNED), d.stream().map(RawDecision::statedOutcome).toList());
    assertEquals("ODG, Knee chapter.", d.get(1).reviewerGuideline());
    assertEquals(List.of(), d.get(0).problems());
    assertEquals(List.of(), d.get(1).problems());
  }

  @Test
  void aListStatedOnceGivesTheSameDecisions() {
    List<RawDecision> d = decisions(HEAD + DECISION + ONE + TWO + REST);
    assertEquals(List.of("cane", "walker"), d.stream().map(RawDecision::item).toList());
    assertEquals(List.of(List.of(), List.of()), d.stream().map(RawDecision::problems).toList());
  }

  @Test
  void aRestatementThatDiffersIsKeptAsAWarning() {
    String twoUpheld = TWO.replace("is medically", "is not medically");
    List<RawDecision> d = decisions(HEAD + ONE + TWO + DECISION + ONE + twoUpheld + REST);
    assertEquals(2, d.size());
    assertEquals(Outcome.OVERTURNED, d.get(1).statedOutcome());
    assertEquals(List.of("stated again differently: 'walker' not medically necessary"), d.get(1).problems());
  }

  @Test
  void aStatementMissingFromTheOtherListIsNotDropped() {
    // the head lists two determinations, the decision section three
    String three = "3) MAXIMUS Federal Services, Inc. has determined the request for a shower chair is not medically necessary"
        + " and appropriate.\n";
    List<RawDecision> d = decisions(HEAD + ONE + TWO + DECISION + ONE + TWO + three + REST);
    assertEquals(List.of("cane", "walker", "shower chair"), d.stream().map(RawDecision::item).toList());
    assertEquals(List.of("no section with its guidelines and rationale was found"), d.get(2).problems());
  }

  @Test
  void aSectionNoStatementNamesBecomesADecisionReadFromItsRationale() {
    List<RawDecision> d = decisions(HEAD + ONE + DECISION + ONE + REST);
    assertEquals(List.of("cane", "walker"), d.stream().map(RawDecision::item).toList());
    assertEquals(Outcome.OVERTURNED, d.get(1).statedOutcome());
    assertEquals(List.of("no determination statement names it; the outcome is read from its section"), d.get(1).problems());
  }

  @Test
  void aSectionHeadedByItsStatementIsTheSameDecision() {
    String rest = REST.replace("1) Regarding the request for a\ncane:\n", ONE);
    List<RawDecision> d = decisions(HEAD + ONE + TWO + DECISION + ONE + TWO + rest);
    assertEquals(List.of("cane", "walker"), d.stream().map(RawDecision::item).toList());
    assertEquals("ODG, Knee chapter, Walking aids.", d.get(0).claimsGuideline());
    assertEquals(List.of(List.of(), List.of()), d.stream().map(RawDecision::problems).toList());
  }

  @Test
  void theItemOfASectionHeading() {
    assertEquals("walker", NoticeLetter.headingItem("Is the request for a walker medically necessary and appropriate?"));
    assertEquals("cane", NoticeLetter.headingItem("a cane:"));
    assertEquals("Norco 10/325mg #120", NoticeLetter.headingItem("Norco 10/325mg #120"));
  }

  @Test
  void aNoticeIsKnownByAStatementOrByItsTitleAndDecisionHeading() {
    assertTrue(NoticeLetter.isNotice(new TextCleaner().clean(ONE).lines()));
    assertTrue(NoticeLetter.isNotice(new TextCleaner().clean(HEAD + DECISION).lines()));
    assertFalse(NoticeLetter.isNotice(new TextCleaner().clean(HEAD).lines()));
    assertFalse(NoticeLetter.isNotice(List.of("MAXIMUS FEDERAL SERVICES, INC.", "Dear customer,")));
  }

  @Test
  void aSummaryWithoutItsDisclaimerOrWithoutOneAtAll() {
    assertNull(notice(HEAD + ONE + "Case Summary:\nDisclaimer: The following case summary was taken directly from the UR.\n").summary());
    assertEquals("She fell.", notice(HEAD + ONE + "Case Summary:\nShe fell.\n").summary());
  }

  @Test
  void anUnnumberedSectionHeadingNeedsALabelAfterIt() {
    NoticeLetter.Notice n = notice(HEAD + ONE + "Case Summary:\nShe fell.\n"
        + "Documents Reviewed by the Expert Reviewer:\n1. Application for IMR\n"
        + "Regarding the request for a cane:\nMAXIMUS guideline: ODG, Knee.\nDecision rationale: She walks well.\n"
        + "Regarding the request for a cane, the guidelines ask for a gait disorder. It is not medically necessary.\n");
    assertEquals("She fell.", n.summary());
    assertEquals(List.of(new NoticeLetter.ItemSection(null, "cane", null, null, "ODG, Knee.",
        "She walks well. Regarding the request for a cane, the guidelines ask for a gait disorder. It is not medically necessary.")),
        n.sections());
  }

  @Test
  void aRationaleThatEndsInItsStatementsWordsStaysOneSection() {
    String concluding = "She walks without an aid.\nMAXIMUS Federal Services, Inc. has determined the request for a cane is not"
        + " medically necessary and appropriate.";
    List<RawDecision> d = decisions(HEAD + ONE + TWO + DECISION + ONE + TWO
        + REST.replace("She walks without an aid. The request is not medically necessary.", concluding));
    assertEquals(List.of("cane", "walker"), d.stream().map(RawDecision::item).toList());
    assertEquals("She walks without an aid. MAXIMUS Federal Services, Inc. has determined the request for a cane is not medically"
        + " necessary and appropriate.", d.get(0).rationale());
    assertEquals(List.of(List.of(), List.of()), d.stream().map(RawDecision::problems).toList());
  }

  @Test
  void unnumberedSectionsGoToTheDecisionOfTheirItem() {
    String sections = """
        Case Summary:
        She fell.
        Regarding the request for a walker:
        Rationale: She falls often.
        Regarding the request for a cane:
        Rationale: She walks well.
        """;
    List<RawDecision> d = decisions(HEAD + ONE + TWO + sections);
    assertEquals(List.of("She walks well.", "She falls often."), d.stream().map(RawDecision::rationale).toList());
  }
}
