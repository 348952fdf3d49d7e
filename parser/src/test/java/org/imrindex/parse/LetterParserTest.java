package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.imrindex.model.DateSource;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.Layout;
import org.imrindex.model.Outcome;
import org.imrindex.model.Source;
import org.junit.jupiter.api.Test;

class LetterParserTest {

  private final LetterParser parser = new LetterParser();
  private final Source source = new Source("x.txt", "0", "text/plain", null);

  @Test
  void textWithoutDeterminationHeadingsIsNotADetermination() {
    LetterRejectedException e = assertThrows(LetterRejectedException.class,
        () -> parser.parseText("Dear customer,\nyour invoice is attached.\n", source));
    assertEquals(RejectReason.NOT_A_DETERMINATION, e.reason());
  }

  @Test
  void headingsWithoutAnyItemHaveNoDecisions() {
    LetterRejectedException e = assertThrows(LetterRejectedException.class, () -> parser.parseText(
        "CLINICAL CASE SUMMARY\nA summary.\nIMR ISSUES, DECISIONS AND RATIONALES\nNothing was decided.\n", source));
    assertEquals(RejectReason.NO_DECISIONS, e.reason());
  }

  @Test
  void blankTextIsEmpty() {
    assertEquals(RejectReason.EMPTY,
        assertThrows(LetterRejectedException.class, () -> parser.parseText(" \n\f\n", source)).reason());
  }

  @Test
  void itemWrappedOntoTheOutcomeLineIsJoined() throws Exception {
    var letter = parser.parseText("""
        IMR ISSUES, DECISIONS AND RATIONALES
        The Final Determination was based on decisions for the disputed items/services set forth below:
        Retrospective request for Lidoderm 5% patches #30 dispensed on
        01/15/2014: Upheld
        Decision rationale: The request is not medically necessary.
        """, source);
    assertEquals("Retrospective request for Lidoderm 5% patches #30 dispensed on 01/15/2014", letter.decisions().get(0).item());
    assertEquals(Outcome.UPHELD, letter.decisions().get(0).outcome());
  }

  @Test
  void aRationaleEndingWithoutAPeriodDoesNotSwallowTheNextItem() throws Exception {
    var letter = parser.parseText("""
        IMR ISSUES, DECISIONS AND RATIONALES
        Norco 10/325mg#120: Upheld
        Decision rationale: As such, the request is non-certified
        Fexmid 7.5mg #60: Upheld
        Decision rationale: Therefore, the request is non-certified.
        """, source);
    assertEquals("Fexmid 7.5mg #60", letter.decisions().get(1).item());
  }

  @Test
  void a2013NoticeIsReadAndWhatItStatesDifferentlyIsAWarning() throws Exception {
    var letter = parser.parseText("""
        Notice of Independent Medical Review Determination
        Dated: 9/30/2013
        1) MAXIMUS Federal Services, Inc. has determined the request for a cane is notmedically necessary and appropriate.
        2) MAXIMUS Federal Services, Inc. has determined the request for a walker is medically necessary and appropriate.
        INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE
        1) MAXIMUS Federal Services, Inc. has determined the request for a cane is notmedically necessary and appropriate.
        2) MAXIMUS Federal Services, Inc. has determined the request for a walker is not medically necessary and appropriate.
        """, source);
    assertEquals(org.imrindex.model.Layout.NOTICE, letter.layout());
    assertEquals(java.time.LocalDate.of(2013, 9, 30), letter.letterDate());
    assertEquals(java.time.LocalDate.of(2013, 9, 30), letter.decisionDate());
    assertEquals(DateSource.LETTER, letter.decisionDateSource());
    assertEquals(List.of("cane", "walker"), letter.decisions().stream().map(d -> d.item()).toList());
    assertEquals(List.of(Outcome.UPHELD, Outcome.OVERTURNED), letter.decisions().stream().map(d -> d.outcome()).toList());
    assertEquals(List.of("decision 2: stated again differently: 'walker' not medically necessary"), letter.warnings());
  }

  @Test
  void aNoticeWithoutADeterminationHasNoDecisions() {
    LetterRejectedException e = assertThrows(LetterRejectedException.class, () -> parser.parseText(
        "Notice of Independent Medical Review Determination\nINDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE\nNothing.\n", source));
    assertEquals(RejectReason.NO_DECISIONS, e.reason());
  }

  /** A bundled sample's text with {@code line} put after the first line that starts with {@code after}. */
  private DeterminationLetter sampleWith(String sample, String after, String line) throws Exception {
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(
        BundledLetters.corpus().resolve("letters/samples").resolve(sample), StandardCharsets.ISO_8859_1));
    int at = 0;
    while (!lines.get(at).startsWith(after)) {
      at++;
    }
    lines.add(at + 1, line);
    return parser.parseText(String.join("\n", lines) + "\n", source);
  }

  @Test
  void aDecisionDateStatedInTheHeadOfADocumentsReviewedLetterIsItsDecisionDate() throws Exception {
    DeterminationLetter l = sampleWith("docs-01-numbered.txt", "Case Number:", "Date of Final Determination: 08/02/2016");
    assertEquals(Layout.DOCUMENTS_REVIEWED, l.layout());
    assertEquals(LocalDate.of(2016, 8, 2), l.decisionDate());
    assertEquals(DateSource.DECISION, l.decisionDateSource());
    assertEquals(null, l.letterDate());
  }

  @Test
  void aProfessionalReviewDatedUnderItsTitleIsDecidedOnItsLetterDate() throws Exception {
    DeterminationLetter l = sampleWith("pr-01-single-overturned.txt", "IMR Case Number:", "Dated: March 9, 2018");
    assertEquals(Layout.PROFESSIONAL_REVIEW, l.layout());
    assertEquals("CM18-0077001", l.caseNumber());
    assertEquals(LocalDate.of(2018, 3, 9), l.letterDate());
    assertEquals(LocalDate.of(2018, 3, 9), l.decisionDate());
    assertEquals(DateSource.LETTER, l.decisionDateSource());
  }

  @Test
  void aStandardLetterDatedAboveItsFirstHeadingIsDecidedOnItsLetterDate() throws Exception {
    DeterminationLetter l = parser.parseText("""
        Letter Date: 11/02/2015
        HOW THE IMR FINAL DETERMINATION WAS MADE
        MAXIMUS Federal Services sent the complete case file to an expert reviewer.
        IMR ISSUES, DECISIONS AND RATIONALES
        Norco 10/325mg #60: Upheld
        Decision rationale: The request is not medically necessary.
        """, source);
    assertEquals(Layout.STANDARD, l.layout());
    assertEquals(LocalDate.of(2015, 11, 2), l.decisionDate());
    assertEquals(DateSource.LETTER, l.decisionDateSource());
  }

  @Test
  void aCoverPageWithBothDatesIsDecidedOnItsDecisionDate() throws Exception {
    DeterminationLetter l = parser.parseText("""
        IMR Case Number: CM15-0203311
        Date of IMR Decision: 11/02/2015
        Dated: 11/05/2015
        IMR ISSUES, DECISIONS AND RATIONALES
        Norco 10/325mg #60: Upheld
        Decision rationale: The request is not medically necessary.
        """, source);
    assertEquals(LocalDate.of(2015, 11, 2), l.decisionDate());
    assertEquals(DateSource.DECISION, l.decisionDateSource());
    assertEquals(LocalDate.of(2015, 11, 5), l.letterDate());
  }

  @Test
  void aLetterThatStatesNeitherDateHasNone() throws Exception {
    DeterminationLetter l = parser.parseText("""
        IMR ISSUES, DECISIONS AND RATIONALES
        Norco 10/325mg #60: Upheld
        Decision rationale: The request is not medically necessary.
        """, source);
    assertEquals(null, l.decisionDate());
    assertEquals(null, l.decisionDateSource());
  }
}
