package org.imrindex.query;

import java.util.List;
import org.imrindex.schema.FacetDimension;

/**
 * What {@code imr report} is asked.
 *
 * @param by one or two dimensions to group by
 * @param query the user's query, or null for all decisions
 * @param exact match the query literally: no stemming, no synonyms
 * @param filters restrictions
 * @param level count decisions or distinct letters
 * @param minN hide groups smaller than this
 * @param sort row order
 */
public record ReportRequest(List<FacetDimension> by, String query, boolean exact, Filters filters, Level level, int minN, ReportSort sort) {

  public ReportRequest {
    by = List.copyOf(by);
  }
}
