package org.imrindex.chart;

import java.util.List;
import org.imrindex.query.Filters;
import org.imrindex.query.Report;
import org.imrindex.query.TermsResult;

/**
 * One page a person can send around: the totals and overall rate, the uphold rate by the main
 * dimensions, the trend by month, and the terms that most distinguish overturned from upheld decisions.
 *
 * @param request what was asked
 * @param total all counted decisions
 * @param letters distinct letters among them
 * @param dimensions one chart per dimension present, in {@link Overviewer#DIMENSIONS} order
 * @param trend the uphold rate by decision month
 * @param terms overturned against upheld decisions of the filtered decisions (the query does not narrow them)
 */
public record Overview(Request request, Report.Row total, long letters, List<ChartData> dimensions, ChartData trend, TermsResult terms) {

  public Overview {
    dimensions = List.copyOf(dimensions);
  }

  /**
   * What {@code imr overview} is asked.
   *
   * @param query the user's query, or null for all decisions
   * @param exact match the query literally
   * @param filters restrictions
   * @param minN groups smaller than this are grey
   * @param terms terms on each side
   */
  public record Request(String query, boolean exact, Filters filters, int minN, int terms) {}
}
