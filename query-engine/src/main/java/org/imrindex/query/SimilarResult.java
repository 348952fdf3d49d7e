package org.imrindex.query;

import java.util.List;
import org.imrindex.model.Decision;
import org.imrindex.model.DeterminationLetter;

/**
 * What {@code imr similar} found: for each decision asked about, the decisions of other letters
 * with a nearly identical rationale, most similar first.
 *
 * @param letterId the letter's id
 * @param letter its record
 * @param sources each decision asked about, in the letter's order
 */
public record SimilarResult(String letterId, DeterminationLetter letter, List<Source> sources) {

  /**
   * One decision asked about.
   *
   * @param decisionNo its position in the letter, from 0
   * @param decision the decision
   * @param matches the near-duplicates (none when its rationale is empty or nothing is near it)
   */
  public record Source(int decisionNo, Decision decision, List<Match> matches) {}

  /**
   * A decision of another letter with a nearly identical rationale.
   *
   * @param letterId its letter's id
   * @param letter its letter's record
   * @param decisionNo its position in that letter, from 0
   * @param estimated the MinHash estimate of the Jaccard similarity of the two rationales' shingle sets
   * @param exact that similarity computed from the two stored rationales
   */
  public record Match(String letterId, DeterminationLetter letter, int decisionNo, double estimated, double exact) {

    /** The matching decision. */
    public Decision decision() {
      return letter.decisions().get(decisionNo);
    }
  }
}
