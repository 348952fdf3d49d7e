package org.imrindex.query;

import java.util.List;
import java.util.Map;
import org.imrindex.model.DeterminationLetter;

/**
 * The answer to a search.
 *
 * @param request what was asked
 * @param total matching decisions (or letters)
 * @param hits the requested page of hits, best first
 * @param facets value counts (in decisions) per requested dimension, largest first
 */
public record SearchResult(SearchRequest request, long total, List<Hit> hits, Map<String, List<FacetCount>> facets) {

  /** Start and end of a highlighted term in a snippet. */
  public static final char MARK_START = '\u0002';
  /** End of a highlighted term in a snippet. */
  public static final char MARK_END = '\u0003';

  public SearchResult {
    hits = List.copyOf(hits);
    facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
  }

  /**
   * One hit.
   *
   * @param letterId the letter's id
   * @param decisionNo the decision's position in the letter, or null for a letter hit
   * @param letter the letter's record
   * @param score relevance
   * @param snippets passages with matches between {@link #MARK_START} and {@link #MARK_END}, and the field they came from
   */
  public record Hit(String letterId, Integer decisionNo, DeterminationLetter letter, float score, List<Snippet> snippets) {

    public Hit {
      snippets = List.copyOf(snippets);
    }
  }

  /** A highlighted passage and its field. */
  public record Snippet(String field, String text) {}

  /** A facet value and its count. */
  public record FacetCount(String value, long count) {}
}
