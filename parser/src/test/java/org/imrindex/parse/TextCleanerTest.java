package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextCleanerTest {

  private final TextCleaner cleaner = new TextCleaner();

  @Test
  void mapsLigaturesQuotesDashesAndOddSpaces() {
    String raw = "The \ufb01le\u00a0says \u201cno\u201d \u2013 it\u2019s a\u00adlright\u200b.";
    assertEquals(List.of("The file says \"no\" - it's alright."), cleaner.clean(raw).lines());
  }

  @Test
  void dropsBlankLinesAndCollapsesSpacesWithCrlf() {
    String raw = "First   line \r\n\r\n \r\nSecond\tline\r\n";
    assertEquals(List.of("First line", "Second line"), cleaner.clean(raw).lines());
  }

  @Test
  void removesPageFootersAndRepeatedCaseHeadersAndCountsPages() {
    String raw = "IMR Case Number: CM14-0041187\nbody one\nPage 1 of 2\n\fCM14-0041187\nbody two\nPage 2 of 2\n";
    TextCleaner.Cleaned c = cleaner.clean(raw);
    assertEquals(List.of("body one", "body two"), c.lines());
    assertEquals(2, c.pages());
  }

  @Test
  void takesPageCountFromFootersWhenThereAreNoFormFeeds() {
    assertEquals(3, cleaner.clean("a\nPage 3 of 3\n").pages());
    assertNull(cleaner.clean("a\nb\n").pages());
  }

  @Test
  void keepsFirstOccurrenceOfARunningHeadRepeatedOnEveryPage() {
    String raw = "MAXIMUS FEDERAL SERVICES\nbody one\n\fMAXIMUS FEDERAL SERVICES\nbody two\n";
    assertEquals(List.of("MAXIMUS FEDERAL SERVICES", "body one", "body two"), cleaner.clean(raw).lines());
  }

  @Test
  void dropsARunningHeadPrintedOnlyOnTheSecondPage() {
    String raw = "HOW THE IMR FINAL DETERMINATION WAS MADE\nbody one\n\fMAXIMUS Federal Services - Independent Medical Review\nbody two\n";
    assertEquals(List.of("HOW THE IMR FINAL DETERMINATION WAS MADE", "body one", "body two"), cleaner.clean(raw).lines());
  }

  @Test
  void keepsASentenceOrHeadingAtTheTopOfALaterPage() {
    String raw = "one\n\fMAXIMUS Federal Services sent the complete case file to a physician reviewer.\n\fIMR DECISION(S) AND RATIONALE(S)\nx\n";
    assertEquals(List.of("one", "MAXIMUS Federal Services sent the complete case file to a physician reviewer.",
        "IMR DECISION(S) AND RATIONALE(S)", "x"), cleaner.clean(raw).lines());
  }

  @Test
  void keepsADecisionsLabelLineAtPageEdgesHoweverOftenItRepeats() {
    // CM17-0014449 (PDF): thirteen decisions of one surgery, each citing no evidence, the label line
    // falling at the top or bottom of several pages; CM17-0006045: the label wrapped at a page's top
    String none = "MAXIMUS guideline: The Expert Reviewer did not cite any medical evidence for its decision.";
    String raw = "Hip pad: Upheld\n" + none + "\n\f" + none + "\nEKG: Upheld\n" + none + "\n\f" + none
        + "\nUA: Upheld\n\fMAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,\n"
        + "Section(s): Physical medicine treatment.\n";
    assertEquals(List.of("Hip pad: Upheld", none, none, "EKG: Upheld", none, none, "UA: Upheld",
        "MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,",
        "Section(s): Physical medicine treatment."), cleaner.clean(raw).lines());
  }

  @Test
  void keepsThe2013NoticesStatementsAndDecisionHeadingAtPageEdges() {
    // the notice states its determinations in its head and again after its decision heading, which
    // opens page 2: neither is a running head, however often a statement's first line meets a page edge
    String one = "1) MAXIMUS Federal Services, Inc. has determined the request for Norco 10/325mg";
    String two = "2) MAXIMUS Federal Services, Inc. has determined the request for a TENS unit";
    String raw = "MAXIMUS FEDERAL SERVICES, INC.\n" + one + "\n#120 is notmedically necessary and appropriate.\n\f"
        + "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE\n" + one + "\n#120 is notmedically necessary and appropriate.\n\f"
        + two + "\nis medically necessary and appropriate.\n";
    assertEquals(List.of("MAXIMUS FEDERAL SERVICES, INC.", one, "#120 is notmedically necessary and appropriate.",
        "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE", one, "#120 is notmedically necessary and appropriate.",
        two, "is medically necessary and appropriate."), cleaner.clean(raw).lines());
  }

  @Test
  void joinsASyllableSplitAcrossALineBreak() {
    assertEquals(List.of("from anti-inflammatory medication.", "It was"),
        cleaner.clean("from anti-inflammatory medica-\ntion. It was").lines());
  }

  @Test
  void keepsTheHyphenOfARealCompound() {
    assertEquals(List.of("not recommended for long-term", "use."),
        cleaner.clean("not recommended for long-\nterm use.").lines());
  }

  @Test
  void joinsWhenTheLetterSpellsTheWordWholeElsewhere() {
    assertEquals(List.of("an antidepressant", "or other antidepressants"),
        cleaner.clean("an anti-\ndepressant\nor other antidepressants").lines());
  }

  @Test
  void aLineEndHyphenBetweenTwoWordsIsTheWritersOwn() {
    // real letters are typed: most line-end hyphens belong to compounds (CM16-0247624, CM17-0002324, CM16-0232182)
    assertEquals(List.of("right hand-wrist,", "and low back pain"), cleaner.clean("right hand-\nwrist, and low back pain").lines());
    assertEquals(List.of("elbow active-passive", "range"), cleaner.clean("elbow active-\npassive range").lines());
    assertEquals(List.of("physiologic range-of-motion", "but not"), cleaner.clean("physiologic range-of-\nmotion but not").lines());
    assertEquals(List.of("peer-reviewed", "literature"), cleaner.clean("peer-\nreviewed literature").lines());
  }

  @Test
  void aSyllableSplitLeavesAWordEndingOrFollowsACombiningForm() {
    assertEquals(List.of("The documentation", "indicates"), cleaner.clean("The documen-\ntation indicates").lines());
    assertEquals(List.of("lumbar radiculopathy", "secondary"), cleaner.clean("lumbar radicul-\nopathy secondary").lines());
    assertEquals(List.of("state, electromyography", "and nerve"), cleaner.clean("state, electro-\nmyography and nerve").lines());
  }

  @Test
  void aHyphenBeforeACapitalOrADigitStaysAndTheWordMovesUp() {
    assertEquals(List.of("On 10-28-2016", "the worker"), cleaner.clean("On 10-28-\n2016 the worker").lines());
    assertEquals(List.of("Decision based on Non-MTUS", "Citation"), cleaner.clean("Decision based on Non-\nMTUS Citation").lines());
    assertEquals(List.of("Labs -", "CBC"), cleaner.clean("Labs -\nCBC").lines());
  }

  @Test
  void emptyInputGivesNoLines() {
    assertEquals(List.of(), cleaner.clean("").lines());
    assertEquals(List.of(), cleaner.clean("\f \n\u00a0\n").lines());
  }
}
