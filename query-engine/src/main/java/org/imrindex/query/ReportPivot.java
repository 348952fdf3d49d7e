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
 * one report row in each cell. Rows and columns are ordered by their decisions, most first (by value
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

  /** The cross table of a report by two dimensions. */
  public static ReportPivot of(Report report) {
    if (report.request().by().size() != 2) {
      throw new IllegalArgumentException("a cross table needs two dimensions, got " + report.request().by().size());
    }
    Map<String, Long> downN = new HashMap<>();
    Map<String, Long> acrossN = new HashMap<>();
    Map<List<String>, Report.Row> cells = new LinkedHashMap<>();
    for (Report.Row row : report.rows()) {
      downN.merge(row.keys().get(0), row.n(), Long::sum);
      acrossN.merge(row.keys().get(1), row.n(), Long::sum);
      cells.put(row.keys(), row);
    }
    boolean byName = report.request().sort() == ReportSort.NAME;
    List<FacetDimension> by = report.request().by();
    return new ReportPivot(report, ordered(downN, byName || isTime(by.get(0))), ordered(acrossN, byName || isTime(by.get(1))), cells);
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

  /** Years, quarters and months read in time order, whatever the sort. */
  private static boolean isTime(FacetDimension d) {
    return switch (d) {
      case INJURY_YEAR, DECISION_YEAR, DECISION_QUARTER, DECISION_MONTH -> true;
      default -> false;
    };
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
