package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.imrindex.model.Decision;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.Outcome;
import org.imrindex.model.Source;
import org.junit.jupiter.api.Test;

/**
 * Decision headings as the state's 2016-2017 letters print them: wrapped over lines, the outcome
 * alone on its line, several sentences for a partly authorised request. The letter text is taken
 * from real (redacted) letters, the rationales shortened; expected values are written from reading
 * it.
 */
class DecisionHeadingsTest {

  private static final String HEAD = """
      IMR ISSUES, DECISIONS AND RATIONALES
      The Final Determination was based on decisions for the disputed items/services set forth below:
      """;
  private static final String LABELS = """
      Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment
      2016.
      MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,
      Section(s): Physical medicine treatment.
      """;

  private final LetterParser parser = new LetterParser();
  private final Source source = new Source("x.txt", "0", "text/plain", null);

  private DeterminationLetter parse(String decisions) throws LetterRejectedException {
    return parser.parseText(HEAD + decisions, source);
  }

  @Test
  void anOutcomeAloneOnItsLineIsTheDecisionOfTheHeadingAboveIt() throws Exception {
    // CM17-0010365: its only decision, rejected as no-decisions before
    DeterminationLetter l = parse("""
        Physical therapy three times a week for two weeks for the cervical, thoracic, and lumbar:
        Overturned
        """ + LABELS + """
        Decision rationale: Guidelines recommend a 6-visit trial. Therefore, the currently requested
        physical therapy is medically necessary.
        """);
    assertEquals(1, l.decisions().size());
    Decision d = l.decisions().get(0);
    assertEquals("Physical therapy three times a week for two weeks for the cervical, thoracic, and lumbar", d.item());
    assertEquals(Outcome.OVERTURNED, d.outcome());
    assertEquals("Decision based on MTUS Chronic Pain Medical Treatment 2016.", d.claimsAdministratorGuideline());
    assertEquals(List.of(), l.warnings());
  }

  @Test
  void aHeadingWrappedOverTwoLinesIsKeptWholeAndTheDecisionBeforeKeepsItsOwnText() throws Exception {
    // CM16-0249536 (a compound cream) and CM17-0010021 (a date of service)
    DeterminationLetter l = parse("""
        Unknown shockwave treatments: Upheld
        Decision rationale: Given that the guidelines do not recommend shockwave therapy for the low
        back, the request is not supported. As such, the request is not
        medically necessary.
        Flurbiprofen 20%, Baclofen 5%, Dexamethasone 2%, Menthol 2%, Capsaicin 0.025% in
        cream base: Upheld
        Decision rationale: Any compounded product that contains at least one drug that is not
        recommended is not recommended. The request is not medically necessary.
        Retrospective TENS unit, purchase, lumbar spine, left hip, lower leg, and knee (DOS
        12/29/16): Upheld
        Decision rationale: A one-month trial is not documented. The request is not medically necessary.
        """);
    assertEquals(3, l.decisions().size());
    assertEquals("Flurbiprofen 20%, Baclofen 5%, Dexamethasone 2%, Menthol 2%, Capsaicin 0.025% in cream base",
        l.decisions().get(1).item());
    assertEquals("Retrospective TENS unit, purchase, lumbar spine, left hip, lower leg, and knee (DOS 12/29/16)",
        l.decisions().get(2).item());
    assertEquals("Given that the guidelines do not recommend shockwave therapy for the low back, the request is not"
        + " supported. As such, the request is not medically necessary.", l.decisions().get(0).rationale());
    assertEquals(List.of(), l.warnings());
  }

  @Test
  void aWrappedHeadingWithItsOutcomeOnTheNextLine() throws Exception {
    // CM17-0013716: the colon ends the heading's last line, the outcome is alone below it
    DeterminationLetter l = parse("""
        Pantoprazole 20mg #30: Upheld
        Decision rationale: There is no evidence of gastrointestinal risk. The request is not
        medically necessary.
        Dextromethorphan 5%/Amitriptyline 5%/Lidocaine/Capsaicin 0.025%, 120grams #1:
        Upheld
        Decision rationale: The request is not medically necessary.
        """);
    assertEquals(2, l.decisions().size());
    assertEquals("Dextromethorphan 5%/Amitriptyline 5%/Lidocaine/Capsaicin 0.025%, 120grams #1", l.decisions().get(1).item());
    assertEquals(Outcome.UPHELD, l.decisions().get(1).outcome());
  }

  @Test
  void aHeadingWhoseSecondLineStartsWithAnIngredientOrADateIsJoined() throws Exception {
    DeterminationLetter l = parse("""
        Norco 10/325mg #60: Upheld
        Decision rationale: The request is not medically necessary.
        Compound cream: Flurbiprofen 20%/Baclofen 10%/Lidocaine 4%/Cyclobenzaprine
        5%/Dextromethorphan 10% 180gm: Upheld
        Decision rationale: The request is not medically necessary.
        Retrospective urine drug screen, date of service
        11/11/2016: Overturned
        Decision rationale: The request is medically necessary.
        """);
    assertEquals("Compound cream: Flurbiprofen 20%/Baclofen 10%/Lidocaine 4%/Cyclobenzaprine 5%/Dextromethorphan 10% 180gm",
        l.decisions().get(1).item());
    assertEquals("Retrospective urine drug screen, date of service 11/11/2016", l.decisions().get(2).item());
    assertEquals(Outcome.OVERTURNED, l.decisions().get(2).outcome());
    assertEquals("The request is not medically necessary.", l.decisions().get(1).rationale());
  }

  @Test
  void aHeadingOfThreeLinesBrokenBeforeCapitals() throws Exception {
    DeterminationLetter l = parse("""
        Norco 10/325mg #60: Upheld
        Decision rationale: The request is not medically necessary.
        Compound cream: Flurbiprofen 20%, Baclofen 5%, Dexamethasone 2%, Menthol 2%
        Camphor 2%, Capsaicin 0.025%, Lidocaine 5%, Gabapentin 10%, Amitriptyline 10%
        Hyaluronic acid 0.2% in cream base 240gm: Upheld
        Decision rationale: The request is not medically necessary.
        """);
    assertEquals("Compound cream: Flurbiprofen 20%, Baclofen 5%, Dexamethasone 2%, Menthol 2% Camphor 2%, Capsaicin 0.025%,"
        + " Lidocaine 5%, Gabapentin 10%, Amitriptyline 10% Hyaluronic acid 0.2% in cream base 240gm", l.decisions().get(1).item());
    assertEquals("The request is not medically necessary.", l.decisions().get(0).rationale());
  }

  @Test
  void aRationaleWhoseLastLineLacksItsPeriodStaysOutOfTheNextHeading() throws Exception {
    DeterminationLetter l = parse("""
        Norco 10/325mg #60: Upheld
        Decision rationale: There is no documentation of functional improvement. As such, the request is
        not medically necessary
        Soma 350mg #60: Upheld
        Decision rationale: The request is not medically necessary.
        """);
    assertEquals("Soma 350mg #60", l.decisions().get(1).item());
    assertTrue(l.decisions().get(0).rationale().endsWith("the request is not medically necessary"));
  }

  @Test
  void theRemainingPortionOfAPartlyAuthorisedRequestIsTheItem() throws Exception {
    // CM16-0230651: three sentences, the outcome alone on the last line
    DeterminationLetter l = parse("""
        Physical therapy to the low back eight sessions was the original request. Physical therapy to
        the low back six sessions was authorized by the Claims Administrator. The remaining IMR
        eligible portion of the original request, Physical therapy to the low back two sessions is:
        Upheld
        """ + LABELS + """
        Decision rationale: The request is not medically necessary.
        """);
    Decision d = l.decisions().get(0);
    assertEquals("Physical therapy to the low back two sessions", d.item());
    assertEquals("Physical therapy to the low back eight sessions", d.originalRequest());
    assertEquals("Physical therapy to the low back six sessions", d.authorizedByClaimsAdministrator());
    assertEquals(Outcome.UPHELD, d.outcome());
    assertEquals(List.of(), l.warnings());
  }

  @Test
  void aPartlyAuthorisedHeadingWhoseSentencesEndAtLineEnds() throws Exception {
    // CM16-0247405, after another decision: the first sentence ends at its line's end
    DeterminationLetter l = parse("""
        MRI of the cervical spine: Upheld
        Decision rationale: There are no red flags. The request is not medically necessary.
        Chiropractic therapy sessions for the cervical spine, #8 was the original request.
        Chiropractic therapy sessions for the cervical spine, #6 was authorized by the Claims
        Administrator. The remaining IMR eligible portion of the original request, Chiropractic
        therapy sessions for the cervical spine, #2 is:  Upheld
        Decision rationale: The request is not medically necessary.
        """);
    assertEquals(2, l.decisions().size());
    Decision d = l.decisions().get(1);
    assertEquals("Chiropractic therapy sessions for the cervical spine, #2", d.item());
    assertEquals("Chiropractic therapy sessions for the cervical spine, #8", d.originalRequest());
    assertEquals("Chiropractic therapy sessions for the cervical spine, #6", d.authorizedByClaimsAdministrator());
    assertEquals("There are no red flags. The request is not medically necessary.", l.decisions().get(0).rationale());
  }

  @Test
  void aRemainingPortionWithoutIsBeforeTheOutcome() throws Exception {
    // CM16-0233904
    DeterminationLetter l = parse("""
        Baclofen 100mg #30 was the original request. Baclofen 100mg #27 was authorized by the
        Claims Administrator. The remaining IMR eligible portion of the original request,
        Baclofen 100mg #3: Upheld
        Decision rationale: The request is not medically necessary.
        """);
    Decision d = l.decisions().get(0);
    assertEquals("Baclofen 100mg #3", d.item());
    assertEquals("Baclofen 100mg #30", d.originalRequest());
    assertEquals("Baclofen 100mg #27", d.authorizedByClaimsAdministrator());
    assertEquals(Integer.valueOf(3), d.drug().quantity());
  }

  @Test
  void theClaimsAdministratorAuthorizedPartLeavingTheOriginalRequestEligible() throws Exception {
    // CM16-0249536: the IMR decided the whole original request
    DeterminationLetter l = parse("""
        Acupuncture treatments (unspecified quantity) was the original request. The Claims
        Administrator authorized Acupuncture treatments, 6 sessions, leaving the original request
        IMR eligible. The original request, Acupuncture treatments (unspecified quantity) is:
        Upheld
        Decision rationale: Therefore, the request is not medically necessary.
        """);
    Decision d = l.decisions().get(0);
    assertEquals("Acupuncture treatments (unspecified quantity)", d.item());
    assertEquals("Acupuncture treatments (unspecified quantity)", d.originalRequest());
    assertEquals("Acupuncture treatments, 6 sessions", d.authorizedByClaimsAdministrator());
  }

  @Test
  void aHeadingWithoutThoseSentencesHasNoOriginalRequest() throws Exception {
    Decision d = parse("""
        Norco 10/325mg #60: Upheld
        Decision rationale: The request is not medically necessary.
        """).decisions().get(0);
    assertNull(d.originalRequest());
    assertNull(d.authorizedByClaimsAdministrator());
  }

  @Test
  void anOutcomeWithoutAReadableHeadingIsKeptWithAWarning() throws Exception {
    DeterminationLetter l = parse("""
        Norco 10/325mg #60: Upheld
        Decision rationale: The request is not medically necessary.
        Overturned
        Decision rationale: The request is medically necessary.
        """);
    assertEquals(2, l.decisions().size());
    assertEquals("", l.decisions().get(1).item());
    assertEquals(Outcome.OVERTURNED, l.decisions().get(1).outcome());
    assertEquals(List.of("decision 2: item heading not found before 'Overturned'"), l.warnings());
  }

  @Test
  void aLetterWhoseOnlyOutcomeHasNoHeadingIsReadNotRejected() throws Exception {
    DeterminationLetter l = parse("""
        : Upheld
        Decision rationale: The request is not medically necessary.
        """);
    assertEquals(1, l.decisions().size());
    assertEquals(Outcome.UPHELD, l.decisions().get(0).outcome());
    assertEquals(1, l.warnings().size());
  }

  @Test
  void aLetterWithoutAnyOutcomeStatementIsRejected() {
    LetterRejectedException e = assertThrows(LetterRejectedException.class, () -> parse("""
        The reviewer found the documentation incomplete.
        """));
    assertEquals(RejectReason.NO_DECISIONS, e.reason());
  }

  @Test
  void decisionsAfterAHeadingLikeLineInARationaleAreStillRead() throws Exception {
    DeterminationLetter l = parse("""
        Norco 10/325mg #60: Upheld
        Decision rationale: The request is not medically necessary.
        ADDITIONAL INFORMATION
        Soma 350mg #60: Upheld
        Decision rationale: The request is not medically necessary.
        """);
    assertEquals(2, l.decisions().size());
    assertEquals("Soma 350mg #60", l.decisions().get(1).item());
    assertEquals(1, l.warnings().size());
    assertTrue(l.warnings().get(0).startsWith("decision 2: read after a trailer heading"), l.warnings().get(0));
  }

  @Test
  void everyOutcomeLineOfTheSectionIsADecision() throws Exception {
    // the outcome statements are counted before any heading is read: none is lost to a bad heading
    DeterminationLetter l = parse("""
        EMG/NCV of the lower extremities: Upheld
        Decision rationale: The request is not medically necessary.
        EMG/NCV of the upper extremities: Upheld
        Decision rationale: The request is not medically necessary.
        Chirophysio therapy two times a week for four weeks for the right elbow and right knee:
        Upheld
        Decision rationale: The request is not medically necessary.
        Upheld
        Acupuncture for the cervical and thoracic spine two times a week times three weeks:
        Upheld
        """);
    assertEquals(5, l.decisions().size());
    assertEquals("Chirophysio therapy two times a week for four weeks for the right elbow and right knee", l.decisions().get(2).item());
    assertEquals("", l.decisions().get(3).item());
    assertEquals("Acupuncture for the cervical and thoracic spine two times a week times three weeks", l.decisions().get(4).item());
    assertEquals(List.of("decision 4: item heading not found before 'Upheld'"), l.warnings());
  }

  @Test
  void theOutcomeWordTestBeforeTheStatementPattern() {
    org.junit.jupiter.api.Assertions.assertTrue(DecisionBlocks.endsWithOutcomeWord("is not medically necessary and appropriate ."));
    org.junit.jupiter.api.Assertions.assertTrue(DecisionBlocks.endsWithOutcomeWord("the request is Medically Necessary"));
    org.junit.jupiter.api.Assertions.assertTrue(DecisionBlocks.endsWithOutcomeWord("X is upheld?  "));
    org.junit.jupiter.api.Assertions.assertFalse(DecisionBlocks.endsWithOutcomeWord("is not medically necessary for this worker."));
    org.junit.jupiter.api.Assertions.assertFalse(DecisionBlocks.endsWithOutcomeWord(""));
  }
}
