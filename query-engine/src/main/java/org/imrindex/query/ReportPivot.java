package org.imrindex.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imrindex.schema.FacetDimension;

/**
 * A two-dimension report as a cross table: the first dimension's values down, the second's across,
 * one report row in each cell (a three-dimension report is one such table per value of the third:
 * {@link #layers}). Rows and columns are ordered by their decisions, most first (by value
 * with {@code --sort name}, and years, quarters and months always in time order), the group
 * without a value last.
 *
 * @param report the report it was made from
 * @param down the first dimension's values, in order (null: no value)
 * @param across the second dimension's values, in order (null: no value)
 * @param cells the report row of each (down, across) pair that has decisions
 */
public record ReportPivot(Report report, List<String> down, List<String> across, Map<List<String>, Report.Row> cells) {

  public ReportPivot {
    down = Collections.unmodifiableList(new ArrayList<>(down));
    across = Collections.unmodifiableList(new ArrayList<>(across));
    cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
  }

  /**
   * One cross table of a report by three dimensions: the groups with one value of the third.
   *
   * @param value the third dimension's value (null: no value)
   * @param total the decisions (or letters) with that value, counted once each
   * @param table the first dimension down, the second across, of those decisions
   */
  public record Layer(String value, Report.Row total, ReportPivot table) {}

  /** The cross table of a report by two dimensions. */
  public static ReportPivot of(Report report) {
    if (report.request().by().size() != 2) {
      throw new IllegalArgumentException("a cross table needs two dimensions, got " + report.request().by().size());
    }
    Map<List<String>, Report.Row> cells = new LinkedHashMap<>();
    for (Report.Row row : report.rows()) {
      cells.put(row.keys(), row);
    }
    return new ReportPivot(report, order(report, 0, report.rows()), order(report, 1, report.rows()), cells);
  }

  /**
   * The cross tables of a report by three dimensions, one per value of the third, in the order of
   * the rows (by decisions, by value with {@code --sort name}, in time order for a time dimension;
   * no value last). Every table has the same columns, in one order; a table's rows are the first
   * dimension's values that have decisions there.
   */
  public static List<Layer> layers(Report report) {
    if (report.request().by().size() != 3) {
      throw new IllegalArgumentException("layers of cross tables need three dimensions, got " + report.request().by().size());
    }
    List<String> down = order(report, 0, report.rows());
    List<String> across = order(report, 1, report.rows());
    Map<String, Report.Row> totals = new HashMap<>();
    report.layers().forEach(row -> totals.put(row.keys().get(0), row));
    Map<String, Map<List<String>, Report.Row>> cells = new HashMap<>();
    for (Report.Row row : report.rows()) {
      cells.computeIfAbsent(row.keys().get(2), k -> new LinkedHashMap<>()).put(Arrays.asList(row.keys().get(0), row.keys().get(1)), row);
    }
    Map<String, Long> layerN = new HashMap<>();
    cells.keySet().forEach(v -> layerN.put(v, totals.containsKey(v) ? totals.get(v).n() : 0));
    List<Layer> out = new ArrayList<>();
    for (String v : ordered(layerN, report.request().sort() == ReportSort.NAME || report.request().by().get(2).ordered())) {
      Map<List<String>, Report.Row> c = cells.get(v);
      List<String> rows = down.stream().filter(d -> c.keySet().stream().anyMatch(k -> java.util.Objects.equals(k.get(0), d))).toList();
      out.add(new Layer(v, totals.get(v), new ReportPivot(report, rows, across, c)));
    }
    return out;
  }

  /** The values of one dimension among the rows, in table order. */
  private static List<String> order(Report report, int dim, List<Report.Row> rows) {
    Map<String, Long> n = new HashMap<>();
    for (Report.Row row : rows) {
      n.merge(row.keys().get(dim), row.n(), Long::sum);
    }
    return ordered(n, report.request().sort() == ReportSort.NAME || report.request().by().get(dim).ordered());
  }

  /** The row of a cell, or null when the pair has no decisions (or was hidden by --min-n). */
  public Report.Row cell(String down, String across) {
    return cells.get(Arrays.asList(down, across));
  }

  /** The decisions of a row of the table: the sum of its cells. */
  public long downTotal(String down) {
    long n = 0;
    for (String a : across) {
      Report.Row c = cell(down, a);
      n += c == null ? 0 : c.n();
    }
    return n;
  }

  /** True when the second dimension is the outcome: the cells are counts, a rate there is 100% or 0%. */
  public boolean acrossIsOutcome() {
    return report.request().by().get(1) == FacetDimension.OUTCOME;
  }

  private static List<String> ordered(Map<String, Long> n, boolean byName) {
    List<String> out = new ArrayList<>(n.keySet());
    Comparator<String> value = Comparator.nullsLast(Comparator.naturalOrder());
    Comparator<String> order = byName ? value
        : Comparator.<String, Boolean>comparing(v -> v == null).thenComparing(Comparator.comparing((String v) -> n.get(v)).reversed())
            .thenComparing(value);
    out.sort(order);
    return out;
  }
}
