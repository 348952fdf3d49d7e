package org.imrindex.parse;

import java.util.List;
import org.imrindex.model.Outcome;

/**
 * A decision block as cut from the letter, before interpretation.
 *
 * @param item the disputed request as written (the portion decided, for a partly authorised one);
 *     empty when no heading could be read
 * @param originalRequest the request as first made, when the heading says part of it was authorised, or null
 * @param authorized what the claims administrator authorised of it, or null
 * @param statedOutcome the outcome the item line states (": Upheld", "is not medically necessary"), or null
 * @param claimsGuideline the claims administrator's citation, or null
 * @param reviewerGuideline the IMR reviewer's citation, or null
 * @param rationale the rationale, or null
 * @param problems what could not be read whole, without the decision's number
 */
record RawDecision(String item, String originalRequest, String authorized, Outcome statedOutcome, String claimsGuideline,
    String reviewerGuideline, String rationale, List<String> problems) {

  RawDecision {
    problems = List.copyOf(problems);
  }

  /** A decision with only an item, its guideline and its rationale. */
  RawDecision(String item, Outcome statedOutcome, String claimsGuideline, String reviewerGuideline, String rationale) {
    this(item, null, null, statedOutcome, claimsGuideline, reviewerGuideline, rationale, List.of());
  }
}
