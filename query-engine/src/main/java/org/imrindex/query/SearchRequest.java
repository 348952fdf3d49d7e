package org.imrindex.query;

import java.util.List;
import org.imrindex.schema.FacetDimension;

/**
 * What {@code imr search} is asked.
 *
 * @param query the user's query (Lucene syntax)
 * @param exact match the query literally: no stemming, no synonyms
 * @param filters restrictions
 * @param facets dimensions to count (drill-sideways: a filtered dimension still shows its other values)
 * @param level hits are decisions or letters
 * @param limit hits to return
 * @param offset hits to skip
 * @param sort hit order
 */
public record SearchRequest(String query, boolean exact, Filters filters, List<FacetDimension> facets, Level level, int limit, int offset,
    SearchSort sort) {

  public SearchRequest {
    facets = List.copyOf(facets);
  }
}
