package org.imrindex.query;

import java.util.List;

/**
 * The words and two-word phrases that most distinguish two sets of decisions.
 *
 * @param labelA name of the first set ("overturned", or "matching")
 * @param labelB name of the second set ("upheld", or "rest")
 * @param decisionsA decisions in the first set
 * @param decisionsB decisions in the second set
 * @param tokensA tokens of the field in the first set
 * @param tokensB tokens in the second set
 * @param forA terms most typical of the first set, strongest first
 * @param forB terms most typical of the second set, strongest first
 * @param templateLeftOut how many terms were left out as the letters' template
 * @param templateExamples the template terms in the most decisions, most first
 */
public record TermsResult(String labelA, String labelB, long decisionsA, long decisionsB, long tokensA, long tokensB,
    List<TermScore> forA, List<TermScore> forB, int templateLeftOut, List<String> templateExamples) {

  /**
   * A term's counts and score.
   *
   * @param term a word or a two-word phrase (analyzed form)
   * @param countA occurrences in the first set
   * @param countB occurrences in the second set
   * @param logOdds log-odds ratio with the informative prior (positive: typical of the first set)
   * @param z the log-odds divided by its standard deviation
   */
  public record TermScore(String term, long countA, long countB, double logOdds, double z) {}

  public TermsResult {
    forA = List.copyOf(forA);
    forB = List.copyOf(forB);
    templateExamples = List.copyOf(templateExamples);
  }
}
