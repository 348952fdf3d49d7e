package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.imrindex.model.Outcome;
import org.junit.jupiter.api.Test;

class OutcomeReaderTest {

  @Test
  void negatedNecessityIsUpheld() {
    assertEquals(Outcome.UPHELD, OutcomeReader.read("Therefore, the request is not medically necessary."));
    assertEquals(Outcome.UPHELD, OutcomeReader.read("The request is non-certified"));
  }

  @Test
  void necessityIsOverturned() {
    assertEquals(Outcome.OVERTURNED, OutcomeReader.read("The request is medically necessary and appropriate."));
  }

  @Test
  void wordsGluedByPdfExtractionStillConclude() {
    assertEquals(Outcome.UPHELD, OutcomeReader.read("The request for a TENS unit is notmedically necessary and appropriate."));
    assertEquals(Outcome.OVERTURNED, OutcomeReader.read("The request for 6 sessions of acupuncture ismedically necessary."));
    assertEquals(Outcome.OVERTURNED, OutcomeReader.read("The request is medicallynecessary."));
    // a word that merely ends in "is" is no verb, and "not" before another word still negates
    assertEquals(Outcome.UPHELD, OutcomeReader.read("Physiotherapy was tried. It is not medically necessary."));
    assertNull(OutcomeReader.read("The diagnosis thismedically necessary."));
  }

  @Test
  void theLastConclusionWins() {
    assertEquals(Outcome.OVERTURNED, OutcomeReader.read(
        "UR found it not medically necessary. However, the criteria are met and the request is medically necessary."));
  }

  @Test
  void noConclusionIsNull() {
    assertNull(OutcomeReader.read("The records were reviewed."));
    assertNull(OutcomeReader.read(null));
  }
}
