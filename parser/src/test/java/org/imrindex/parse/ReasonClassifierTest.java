package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.imrindex.model.Outcome;
import org.imrindex.model.Reason;
import org.imrindex.model.ReasonCode;
import org.junit.jupiter.api.Test;

/** Reasons read sentence by sentence: negation within the sentence, guideline paraphrase as background, the outcome. */
class ReasonClassifierTest {

  private static List<ReasonCode> codes(String rationale, Outcome outcome) {
    return ReasonClassifier.classify(rationale, outcome).stream().map(Reason::code).toList();
  }

  @Test
  void aNegatedFindingIsNoDocumentedBenefitAndADocumentedOneIsNot() {
    assertEquals(List.of(ReasonCode.NO_DOCUMENTED_BENEFIT),
        codes("There was no documentation of functional improvement with Norco. The request is not medically necessary.", Outcome.UPHELD));
    assertEquals(List.of(), codes("Functional improvement was documented with Norco.", Outcome.UPHELD));
    assertEquals(List.of(ReasonCode.CRITERIA_MET), codes("Functional improvement was documented with Norco.", Outcome.OVERTURNED));
  }

  @Test
  void aGuidelineParaphraseIsBackgroundButTheGuidelineNotRecommendingIsAGround() {
    assertEquals(List.of(), codes("MTUS recommends that opioids be discontinued when there is no "
        + "functional improvement.", Outcome.UPHELD));
    assertEquals(List.of(ReasonCode.NOT_RECOMMENDED), codes("ODG states that shockwave therapy is not recommended.", Outcome.UPHELD));
  }

  @Test
  void eachCodeOnceWithTheFirstSentenceThatGaveItInCodeOrder() {
    List<Reason> reasons = ReasonClassifier.classify("Long term use is not recommended. There was no documentation of functional "
        + "improvement. There is a lack of documentation of any objective functional improvement either.", Outcome.UPHELD);
    assertEquals(List.of(new Reason(ReasonCode.NO_DOCUMENTED_BENEFIT, "There was no documentation of functional improvement."),
        new Reason(ReasonCode.NOT_RECOMMENDED, "Long term use is not recommended.")), reasons);
  }

  @Test
  void aGeneralGapIsInsufficientDocumentationOnlyWhenNoSpecificCodeReadsTheSentence() {
    assertEquals(List.of(ReasonCode.INSUFFICIENT_DOCUMENTATION),
        codes("There was no clear rationale for the requested procedure.", Outcome.UPHELD));
    assertEquals(List.of(ReasonCode.FIRST_LINE_NOT_TRIED),
        codes("There was no clear rationale, as the patient has not trialed and failed a proper conservative course of care.",
            Outcome.UPHELD));
  }

  @Test
  void aDerivativeDenialGivesNoReason() {
    assertEquals(List.of(), codes("Since the primary surgical procedure is not medically necessary, none of the associated "
        + "services are medically necessary.", Outcome.UPHELD));
  }

  @Test
  void anOverturnedDecisionWithoutACriteriaSentenceHasItsConclusion() {
    assertEquals(List.of(new Reason(ReasonCode.CRITERIA_MET, "Therefore, the request is certified.")),
        ReasonClassifier.classify("The patient has low back pain. Therefore, the request is certified.", Outcome.OVERTURNED));
    assertEquals(List.of(), ReasonClassifier.classify(null, Outcome.OVERTURNED));
  }
}
