package org.imrindex.query;

import java.util.List;
import org.imrindex.schema.FacetDimension;

/**
 * What {@code imr report} is asked.
 *
 * @param by one to {@value #MAX_BY} dimensions to group by
 * @param query the user's query, or null for all decisions
 * @param exact match the query literally: no stemming, no synonyms
 * @param filters restrictions
 * @param level count decisions or distinct letters
 * @param minN hide groups smaller than this
 * @param sort row order
 */
public record ReportRequest(List<FacetDimension> by, String query, boolean exact, Filters filters, Level level, int minN, ReportSort sort) {

  /** The most dimensions a report groups by. */
  public static final int MAX_BY = 3;

  public ReportRequest {
    by = List.copyOf(by);
    if (by.isEmpty() || by.size() > MAX_BY) {
      throw new IllegalArgumentException("a report groups by one to " + MAX_BY + " dimensions, got " + by.size());
    }
  }
}
