package org.imrindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.imrindex.query.Report;
import org.imrindex.query.ReportPivot;

/**
 * Prints a cross table ({@code imr report --by A --by B --pivot}): A down, B across, each cell the
 * group's decisions and uphold rate; with the outcome across, counts only (upheld, overturned and
 * their sum), since every cell's rate would be 100% or 0%.
 */
final class PivotPrinter {

  /** The narrowest a row label or column header is cut to when the table is wider than the terminal. */
  private static final int MIN_LABEL = 12;
  private static final int MIN_HEADER = 6;

  private PivotPrinter() {}

  /**
   * The table, each column as wide as its widest value; {@code legend} adds the line that says what a
   * cell holds. Wider than {@code width}, column headers are cut (with '~') to their values' width,
   * then row labels, to no less than 6 and 12 characters; a name is never cut while the table fits.
   */
  static void text(ReportPivot p, String unit, int width, PrintWriter out, boolean legend) {
    List<String> headers = new ArrayList<>();
    List<List<String>> cells = new ArrayList<>();
    for (String a : p.across()) {
      headers.add(Terminal.escape(label(a)));
    }
    if (p.acrossIsOutcome()) {
      headers.add(unit);
    }
    List<String> labels = new ArrayList<>();
    for (String d : p.down()) {
      labels.add(Terminal.escape(label(d)));
      List<String> row = new ArrayList<>();
      for (String a : p.across()) {
        Report.Row c = p.cell(d, a);
        row.add(c == null ? "-" : p.acrossIsOutcome() ? Numbers.grouped(c.n())
            : String.format(Locale.ROOT, "%s %5.1f%%", Numbers.grouped(c.n()), 100 * c.upholdRate()));
      }
      if (p.acrossIsOutcome()) {
        row.add(Numbers.grouped(p.downTotal(d)));
      }
      cells.add(row);
    }
    var by = p.report().request().by();
    String corner = by.get(0).dim() + (p.acrossIsOutcome() ? "" : " \\ " + by.get(1).dim());
    int labelWidth = corner.length();
    for (String l : labels) {
      labelWidth = Math.max(labelWidth, l.length());
    }
    int[] widths = new int[headers.size()];
    int[] valueWidths = new int[headers.size()];
    for (int i = 0; i < headers.size(); i++) {
      for (List<String> row : cells) {
        valueWidths[i] = Math.max(valueWidths[i], row.get(i).length());
      }
      widths[i] = Math.max(valueWidths[i], headers.get(i).length());
    }
    int over = labelWidth + 2 * headers.size() + java.util.Arrays.stream(widths).sum() - width;
    for (int i = 0; i < headers.size() && over > 0; i++) {
      int narrower = Math.max(Math.max(valueWidths[i], Math.min(MIN_HEADER, widths[i])), widths[i] - over);
      over -= widths[i] - narrower;
      widths[i] = narrower;
      headers.set(i, cut(headers.get(i), narrower));
    }
    if (over > 0) {
      labelWidth = Math.max(Math.min(MIN_LABEL, labelWidth), labelWidth - over);
      corner = cut(corner, labelWidth);
      for (int r = 0; r < labels.size(); r++) {
        labels.set(r, cut(labels.get(r), labelWidth));
      }
    }
    StringBuilder line = new StringBuilder(pad(corner, labelWidth));
    for (int i = 0; i < headers.size(); i++) {
      line.append("  ").append(" ".repeat(widths[i] - headers.get(i).length())).append(headers.get(i));
    }
    out.println(line);
    for (int r = 0; r < labels.size(); r++) {
      line = new StringBuilder(pad(labels.get(r), labelWidth));
      for (int i = 0; i < headers.size(); i++) {
        String c = cells.get(r).get(i);
        line.append("  ").append(" ".repeat(widths[i] - c.length())).append(c);
      }
      out.println(line);
    }
    if (legend) {
      legend(p, unit, out);
    }
  }

  /** What a cell holds, after a table of decisions and rates (a table of counts needs none); p null: no table. */
  static void legend(ReportPivot p, String unit, PrintWriter out) {
    if (p != null && !p.acrossIsOutcome()) {
      out.printf(Locale.ROOT, "(each cell: %s and uphold rate; - none)%n", unit);
    }
  }

  /**
   * The cross tables of a report by three dimensions as one CSV table: the third dimension's value,
   * the first's, then the columns across, as {@link #csv(ReportPivot, String, PrintWriter)} writes them.
   */
  static void csv(List<ReportPivot.Layer> layers, String unit, PrintWriter out) throws IOException {
    if (layers.isEmpty()) {
      return;
    }
    CSVPrinter csv = null;
    for (ReportPivot.Layer layer : layers) {
      ReportPivot p = layer.table();
      if (csv == null) {
        List<String> header = new ArrayList<>();
        header.add(p.report().request().by().get(2).dim());
        header.addAll(headers(p, unit));
        csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.stream().map(h -> (String) Terminal.escapeControls(h))
            .toArray(String[]::new)).get());
      }
      for (String d : p.down()) {
        List<Object> values = new ArrayList<>();
        values.add(Terminal.escapeControls(layer.value()));
        values.addAll(row(p, d));
        csv.printRecord(values);
      }
    }
    csv.flush();
  }

  /** The header of a cross table in CSV: the first dimension, then each value across (with its rate column). */
  private static List<String> headers(ReportPivot p, String unit) {
    List<String> header = new ArrayList<>();
    header.add(p.report().request().by().get(0).dim());
    for (String a : p.across()) {
      String name = a == null ? ReportCommand.NONE : a;
      header.add(p.acrossIsOutcome() ? name : name + " " + unit);
      if (!p.acrossIsOutcome()) {
        header.add(name + " uphold_rate");
      }
    }
    if (p.acrossIsOutcome()) {
      header.add(unit);
    }
    return header;
  }

  /** One row of a cross table in CSV: the value down, then the cells (0 and an empty rate where none). */
  private static List<Object> row(ReportPivot p, String d) {
    List<Object> values = new ArrayList<>();
    values.add(Terminal.escapeControls(d));
    for (String a : p.across()) {
      Report.Row c = p.cell(d, a);
      values.add(c == null ? 0 : c.n());
      if (!p.acrossIsOutcome()) {
        values.add(c == null ? null : ReportCommand.round(c.upholdRate()));
      }
    }
    if (p.acrossIsOutcome()) {
      values.add(p.downTotal(d));
    }
    return values;
  }

  static void csv(ReportPivot p, String unit, PrintWriter out) throws IOException {
    CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(headers(p, unit).stream()
        .map(h -> (String) Terminal.escapeControls(h)).toArray(String[]::new)).get());
    for (String d : p.down()) {
      csv.printRecord(row(p, d));
    }
    csv.flush();
  }

  private static String label(String value) {
    return value == null ? ReportCommand.NONE : value;
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "~";
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
