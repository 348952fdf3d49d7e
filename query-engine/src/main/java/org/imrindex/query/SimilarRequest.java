package org.imrindex.query;

/**
 * What {@code imr similar} is asked.
 *
 * @param caseOrId the letter: its case number or id (whole or a prefix of at least 8 characters)
 * @param decision the decision of the letter, from 1, or null for each of its decisions
 * @param minSimilarity the lowest estimated Jaccard similarity listed, above 0 and at most 1
 * @param limit the most decisions listed per decision of the letter
 */
public record SimilarRequest(String caseOrId, Integer decision, double minSimilarity, int limit) {

  /** The estimated similarity listed by default: above every pair of unrelated real rationales (README). */
  public static final double DEFAULT_MIN_SIMILARITY = 0.5;
  /** Decisions listed per decision by default. */
  public static final int DEFAULT_LIMIT = 10;
}
