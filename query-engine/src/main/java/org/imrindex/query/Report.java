package org.imrindex.query;

import java.util.List;

/**
 * Uphold rates by group.
 *
 * @param request what was asked
 * @param total all matching decisions (or letters) with an outcome
 * @param rows one per value (or combination of values) shown
 * @param hidden groups hidden by min-n
 * @param layers for a report by three dimensions, one row per value of the third alone (none
 *     hidden): the totals of the cross tables, one per value of the third; else empty
 */
public record Report(ReportRequest request, Row total, List<Row> rows, int hidden, List<Row> layers) {

  public Report {
    rows = List.copyOf(rows);
    layers = List.copyOf(layers);
  }

  /** A report without layers (by one or two dimensions). */
  public Report(ReportRequest request, Row total, List<Row> rows, int hidden) {
    this(request, total, rows, hidden, List.of());
  }

  /**
   * One group.
   *
   * @param keys the group's value of each dimension (empty for the total); null where the group's
   *     decisions have no value of that dimension (shown as "(none)")
   * @param n decisions (or letters)
   * @param upheld of them upheld
   * @param overturned of them overturned
   * @param upholdRate upheld / n
   * @param ciLow low end of the 95% Wilson interval of the rate
   * @param ciHigh high end
   * @param share n / total n
   */
  public record Row(List<String> keys, long n, long upheld, long overturned, double upholdRate, double ciLow, double ciHigh,
      double share) {

    public Row {
      keys = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(keys)); // may hold null: no value
    }

    /** True when this is the group of decisions with no value of some dimension. */
    public boolean hasNone() {
      return keys.contains(null);
    }

    static Row of(List<String> keys, long n, long upheld, long totalN) {
      double[] ci = Wilson.interval95(upheld, n);
      return new Row(keys, n, upheld, n - upheld, n == 0 ? 0 : (double) upheld / n, ci[0], ci[1],
          totalN == 0 ? 0 : (double) n / totalN);
    }
  }
}
