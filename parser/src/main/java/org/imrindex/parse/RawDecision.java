package org.imrindex.parse;

import org.imrindex.model.Outcome;

/**
 * A decision block as cut from the letter, before interpretation.
 *
 * @param item the disputed request as written
 * @param statedOutcome the outcome the item line states (": Upheld", "is not medically necessary"), or null
 * @param claimsGuideline the claims administrator's citation, or null
 * @param reviewerGuideline the IMR reviewer's citation, or null
 * @param rationale the rationale, or null
 */
record RawDecision(String item, Outcome statedOutcome, String claimsGuideline, String reviewerGuideline, String rationale) {}
