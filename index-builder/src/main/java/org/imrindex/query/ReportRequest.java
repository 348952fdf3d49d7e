package org.imrindex.query;

import java.util.List;
import org.imrindex.index.FacetDimension;

/**
 * What {@code imr report} is asked.
 *
 * @param by one or two dimensions to group by
 * @param query the user's query, or null for all decisions
 * @param filters restrictions
 * @param level count decisions or distinct letters
 * @param minN hide groups smaller than this
 * @param sort row order
 */
public record ReportRequest(List<FacetDimension> by, String query, Filters filters, Level level, int minN, ReportSort sort) {

  public ReportRequest {
    by = List.copyOf(by);
  }
}
