package org.imrindex.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.imrindex.query.Report;
import org.imrindex.query.ReportRequest;
import org.imrindex.schema.FacetDimension;

/**
 * What a chart of a report shows: one point per group with its counts, uphold rate and 95% Wilson
 * interval (the report's own numbers), the overall rate, and which groups are below the asked
 * {@code --min-n} (drawn grey, not hidden).
 *
 * @param request what was asked, with the asked min-n
 * @param kind the chart that fits the dimensions
 * @param total all counted decisions (or letters)
 * @param points every group, small ones flagged, in the report's order (time: oldest first)
 */
public record ChartData(ReportRequest request, Kind kind, Report.Row total, List<Point> points) {

  /** The chart that fits a report's dimensions. */
  public enum Kind {
    /** One dimension of categories: horizontal bars with whiskers. */
    CATEGORICAL,
    /** One time dimension: a line with an interval band and count bars below. */
    TIME,
    /** Two dimensions: a heat table. */
    TWO_DIMENSIONS
  }

  /**
   * One group.
   *
   * @param keys the group's value of each dimension, null for no value
   * @param n decisions (or letters)
   * @param upheld of them upheld
   * @param rate upheld / n
   * @param low low end of the 95% Wilson interval
   * @param high high end
   * @param small n is below the asked min-n
   */
  public record Point(List<String> keys, long n, long upheld, double rate, double low, double high, boolean small) {

    public Point {
      keys = java.util.Collections.unmodifiableList(new ArrayList<>(keys)); // may hold null: no value
    }

    /** The group's values joined with " / ", "(none)" for no value. */
    public String label() {
      return String.join(" / ", keys.stream().map(k -> k == null ? NONE : k).toList());
    }

    /** Overturned decisions (or letters). */
    public long overturned() {
      return n - upheld;
    }
  }

  /** How a group with no value of a dimension is named. */
  public static final String NONE = "(none)";

  public ChartData {
    points = List.copyOf(points);
  }

  /**
   * The same request with min-n 1, so that the report holds the small groups a chart shows grey; run
   * it and pass the report to {@link #of}.
   */
  public static ReportRequest unhidden(ReportRequest asked) {
    return new ReportRequest(asked.by(), asked.query(), asked.exact(), asked.filters(), asked.level(), 1, asked.sort());
  }

  /** The kind of chart for these dimensions; null for three (no chart). */
  public static Kind kindOf(List<FacetDimension> by) {
    return switch (by.size()) {
      case 1 -> by.get(0).isTime() ? Kind.TIME : Kind.CATEGORICAL;
      case 2 -> Kind.TWO_DIMENSIONS;
      default -> null;
    };
  }

  /**
   * The chart data of a report run with {@link #unhidden} (no group hidden), flagging the groups below
   * {@code minN}; a time dimension's points oldest first, its "(none)" last.
   */
  public static ChartData of(Report report, int minN) {
    Kind kind = kindOf(report.request().by());
    if (kind == null) {
      throw new IllegalArgumentException("a chart shows one or two dimensions, got " + report.request().by().size());
    }
    if (report.hidden() > 0) {
      throw new IllegalArgumentException("the report hides " + report.hidden() + " groups: run it with min-n 1 (ChartData.unhidden)");
    }
    List<Point> points = new ArrayList<>();
    for (Report.Row r : report.rows()) {
      points.add(new Point(r.keys(), r.n(), r.upheld(), r.upholdRate(), r.ciLow(), r.ciHigh(), r.n() < minN));
    }
    if (kind == Kind.TIME) {
      points.sort(Comparator.comparing((Point p) -> p.keys().get(0), Comparator.nullsLast(Comparator.naturalOrder())));
    }
    ReportRequest r = report.request();
    ReportRequest asked = new ReportRequest(r.by(), r.query(), r.exact(), r.filters(), r.level(), minN, r.sort());
    return new ChartData(asked, kind, report.total(), points);
  }

  /** The points at or above min-n, as {@code imr report} with that min-n lists them. */
  public List<Point> shown() {
    return points.stream().filter(p -> !p.small()).toList();
  }

  /** How many groups are below min-n (what the report says it hid). */
  public int small() {
    return (int) points.stream().filter(Point::small).count();
  }

  /** "decisions" or "letters". */
  public String unit() {
    return request.level() == org.imrindex.query.Level.LETTER ? "letters" : "decisions";
  }
}
