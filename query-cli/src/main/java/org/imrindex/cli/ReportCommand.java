package org.imrindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.imrindex.chart.ChartData;
import org.imrindex.chart.Charts;
import org.imrindex.chart.HtmlPage;
import org.imrindex.schema.FacetDimension;
import org.imrindex.model.LetterJson;
import org.imrindex.query.Level;
import org.imrindex.query.QueryBuilder;
import org.imrindex.query.QueryIndex;
import org.imrindex.query.QuerySyntaxException;
import org.imrindex.query.Report;
import org.imrindex.query.ReportJson;
import org.imrindex.query.ReportPivot;
import org.imrindex.query.Rerun;
import org.imrindex.query.ReportRequest;
import org.imrindex.query.ReportSort;
import org.imrindex.query.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code imr report}: uphold rates by one, two or three dimensions. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Uphold rates by value of a dimension (or combination of values of up to three): decisions, upheld, overturned, uphold",
      "rate with its 95%% Wilson interval, and share of all decisions. A decision counts once under each",
      "value of a multi-valued dimension (each licensure state, each MTUS page). With --level letter,",
      "distinct letters: a letter is overturned in a group if any of its decisions there was.",
      "",
      "Dimensions: outcome, drug, drug_class, service_category, specialty, licensure_state, mtus_page,",
      "guideline_source, guideline_document (each cited document: MTUS Chronic Pain, ODG Shoulder...),",
      "guideline_topic (each cited section with its document: MTUS Low Back: Special Studies), injury_year,",
      "decision_year, decision_month (2016-12), decision_quarter (2016-Q4), layout, parse_warnings (none,",
      "or some: the letter has a decision not read whole), ur_modification (none, or partially_authorized:",
      "utilization review authorised part of the request and the IMR decided the rest), reason (each",
      "reason the rationale gives: no_documented_benefit, first_line_not_tried, exceeds_guideline_limit,",
      "not_recommended, request_incomplete, indications_not_met, monitoring_missing,",
      "insufficient_documentation, criteria_met; none when no rule reads one; a decision counts once per reason),",
      "template_band (0-25%%, 25-50%%, 50-75%%, 75-100%%: the share of the rationale's sentences that occur in at",
      "least two other letters' rationales, counted over the whole index when the report runs).",
      "",
      "--pivot prints a report by two dimensions as a cross table: the first down, the second across,",
      "decisions and uphold rate in each cell (text, csv); by three, one such table per value of the",
      "third (in CSV one table, the third dimension its first column). A text report by dimensions and",
      "the outcome is always a table of counts: upheld, overturned and their sum per value.",
      "",
      "Examples:  imr report --by drug_class",
      "           imr report --by drug_class --by outcome --format csv",
      "           imr report --by specialty --by decision_year --pivot",
      "           imr report --by drug_class --by outcome --by decision_year",
      "           imr report --by guideline_topic --min-n 5",
      "           imr report --by specialty --query '\"functional improvement\"' --min-n 30",
      "           imr report --by drug_class --save drug-class.json   (imr rerun drug-class.json: the same result?)"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:Success.", "2:Usage error: bad query, unknown dimension or value (the valid ones are listed).",
        "3:No index."})
final class ReportCommand implements Callable<Integer> {

  /** Report output formats. */
  enum Format { TEXT, JSON, CSV, SVG, PNG, HTML }

  private static final int BAR = 20;

  @Spec
  CommandSpec spec;

  @Mixin
  IndexOption index;

  @Mixin
  QueryOptions queryOptions;

  @Mixin
  ExactOption exactOption;

  @Mixin
  FilterOptions filterOptions;

  @Option(names = "--by", paramLabel = "DIM", required = true, completionCandidates = Dimensions.class, description = "Dimension to group by (up to three times).")
  List<String> by;

  @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "decision", description = "decision or letter. Default: ${DEFAULT-VALUE}.")
  Level level;

  @Option(names = "--min-n", paramLabel = "N", defaultValue = "1", description = "Hide groups smaller than N (says how many). Default: ${DEFAULT-VALUE}.")
  int minN;

  @Option(names = "--sort", paramLabel = "ORDER",
      description = "n, rate or name. Default: n (largest first), but name (time or band order) when the first --by is a year, quarter, month or template_band.")
  ReportSort sort;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json, csv, or a chart: svg, png (the chart alone) or html (a self-contained page: the question, the table, the chart). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the svg, png or html here (needed for png; svg and html else go to stdout).")
  java.nio.file.Path out;

  @Mixin
  WidthOption width;

  @Option(names = "--pivot", description = "Two --by dimensions as a cross table: the first down, the second across; a third makes one table per value of it (text, csv).")
  boolean pivot;

  @Option(names = "--save", paramLabel = "FILE.json",
      description = "Also save the question, the index commit, the tool version and the result (the JSON of --format json) for imr rerun.")
  java.nio.file.Path save;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    return QueryCommands.run(err, () -> {
      if (by.size() > ReportRequest.MAX_BY) {
        throw new QuerySyntaxException("--by takes one to three dimensions, got " + by.size());
      }
      List<FacetDimension> dims = new ArrayList<>();
      for (String d : by) {
        try {
          dims.add(FacetDimension.of(d));
        } catch (IllegalArgumentException e) {
          throw new QuerySyntaxException("unknown dimension '" + d + "'; dimensions are: " + QueryBuilder.dimensions());
        }
      }
      // by a dimension and the outcome, a rate per row is 100% or 0%: as text, that is a table of counts
      boolean byOutcome = dims.size() >= 2 && dims.stream().filter(d -> d == FacetDimension.OUTCOME).count() == 1;
      boolean table = pivot || (format == Format.TEXT && byOutcome);
      if (table && dims.size() < 2) {
        throw new QuerySyntaxException("--pivot takes two or three --by dimensions, got " + dims.size());
      }
      if (pivot && format == Format.JSON) {
        throw new QuerySyntaxException("--pivot prints text or csv; JSON rows are one per combination of values");
      }
      if (table && byOutcome && dims.get(1) != FacetDimension.OUTCOME) {
        // the outcome across; the other dimensions keep their order (down, then one table per value)
        dims.remove(FacetDimension.OUTCOME);
        dims.add(1, FacetDimension.OUTCOME);
      }
      ReportRequest request = new ReportRequest(dims, queryOptions.query, exactOption.exact, filterOptions.filters(), level, minN,
          sort != null ? sort : !dims.isEmpty() && dims.get(0).ordered() ? ReportSort.NAME : ReportSort.N);
      if (format == Format.SVG || format == Format.PNG || format == Format.HTML) {
        if (save != null) {
          throw new QuerySyntaxException("--save keeps a report's numbers: use it with --format text, json or csv");
        }
        return chart(request);
      }
      if (out != null) {
        throw new QuerySyntaxException("--out writes a chart: --format svg, png or html");
      }
      if (save != null) {
        org.imrindex.query.SavedAnalysis.checkTarget(save);
      }
      try (OpenIndexes.Lease lease = OpenIndexes.open(index.readable())) {
        QueryIndex qi = lease.index();
        Report report = new Reporter(qi).run(request);
        if (save != null) {
          Rerun.report(request, report, qi).write(save);
        }
        if (table) {
          printTable(report, format, width.columns(), spec.commandLine().getOut());
        } else {
          print(report, format, width.columns(), spec.commandLine().getOut());
        }
      }
      return ExitCode.OK;
    });
  }

  /** --format svg, png or html: the report with its small groups (grey), drawn; to --out or stdout. */
  private int chart(ReportRequest request) throws IOException, QuerySyntaxException {
    if (pivot) {
      throw new QuerySyntaxException("--pivot prints text or csv; a chart of two dimensions is a heat table already");
    }
    if (ChartData.kindOf(request.by()) == null) {
      throw new QuerySyntaxException("a chart shows one or two --by dimensions, got " + request.by().size());
    }
    if (out == null && format == Format.PNG) {
      throw new QuerySyntaxException("--format png needs --out FILE");
    }
    ChartData data;
    HtmlPage.Provenance provenance;
    java.nio.file.Path path = index.readable();
    try (OpenIndexes.Lease lease = OpenIndexes.open(path)) {
      data = ChartData.of(new Reporter(lease.index()).run(ChartData.unhidden(request)), minN);
      provenance = ChartFiles.provenance(path, lease.index());
    }
    byte[] bytes = switch (format) {
      case SVG -> Charts.svgDocument(data).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      case PNG -> Charts.png(data);
      case HTML -> HtmlPage.report(data, provenance).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      default -> throw new IllegalStateException(format.toString());
    };
    if (out == null) {
      PrintWriter w = spec.commandLine().getOut();
      w.print(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
      w.flush();
    } else {
      org.imrindex.query.WholeFile.write(out, bytes);
      spec.commandLine().getErr().printf(Locale.ROOT, "imr: %s %s of %s %s written to %s%n", format.toString().toLowerCase(Locale.ROOT),
          format == Format.HTML ? "report" : "chart", Numbers.grouped(data.total().n()), data.unit(), Terminal.escape(out.toString()));
    }
    return ExitCode.OK;
  }

  static void print(Report r, Format format, int width, PrintWriter out) throws IOException {
    switch (format) {
      case JSON -> out.println(LetterJson.mapper().writeValueAsString(ReportJson.of(r)));
      case CSV -> csv(r, out);
      case TEXT -> text(r, width, out);
      default -> throw new IllegalArgumentException("not a table format: " + format);
    }
    out.flush();
  }

  /**
   * A report by two dimensions as a cross table, by three as one cross table per value of the third
   * (--pivot, or a text report by dimensions and the outcome). In CSV, the three-dimension tables are
   * one table whose first column is the third dimension.
   */
  static void printTable(Report r, Format format, int width, PrintWriter out) throws IOException {
    if (r.request().by().size() == 3) {
      List<ReportPivot.Layer> layers = ReportPivot.layers(r);
      if (format == Format.CSV) {
        PivotPrinter.csv(layers, unit(r), out);
      } else {
        header(r, width, out);
        String third = r.request().by().get(2).dim();
        for (ReportPivot.Layer layer : layers) {
          Report.Row t = layer.total();
          out.printf(Locale.ROOT, "%n%s = %s: %s %s, %s upheld, %s%n", third, Terminal.escape(layer.value() == null ? NONE : layer.value()),
              Numbers.grouped(t.n()), unit(r, t.n()), Numbers.grouped(t.upheld()), pct(t));
          PivotPrinter.text(layer.table(), unit(r), width, out, false);
        }
        PivotPrinter.legend(layers.isEmpty() ? null : layers.get(0).table(), unit(r), out);
        hidden(r, width, out);
      }
    } else {
      ReportPivot p = ReportPivot.of(r);
      if (format == Format.CSV) {
        PivotPrinter.csv(p, unit(r), out);
      } else {
        header(r, width, out);
        PivotPrinter.text(p, unit(r), width, out, true);
        hidden(r, width, out);
      }
    }
    out.flush();
  }

  private static String unit(Report r) {
    return r.request().level() == Level.LETTER ? "letters" : "decisions";
  }

  /** The unit for a count in a sentence: "1 decision", "2 decisions". */
  private static String unit(Report r, long n) {
    String plural = unit(r);
    return n == 1 ? plural.substring(0, plural.length() - 1) : plural;
  }

  static double round(double v) {
    return ReportJson.round(v);
  }

  private static void csv(Report r, PrintWriter out) throws IOException {
    List<String> header = new ArrayList<>();
    r.request().by().forEach(d -> header.add(d.dim()));
    header.addAll(List.of(unit(r), "upheld", "overturned", "uphold_rate", "ci95_low", "ci95_high", "share"));
    CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
    for (Report.Row row : r.rows()) {
      List<Object> values = new ArrayList<>(row.keys());
      values.addAll(List.of(row.n(), row.upheld(), row.overturned(), round(row.upholdRate()), round(row.ciLow()),
          round(row.ciHigh()), round(row.share())));
      csv.printRecord(values);
    }
    csv.flush();
  }

  /** The first lines of a text report: what was counted, the total, and whether a dimension is multi-valued (wrapped to width). */
  private static void header(Report r, int width, PrintWriter out) {
    String dims = String.join(" x ", r.request().by().stream().map(FacetDimension::dim).toList());
    Report.Row t = r.total();
    out.printf(Locale.ROOT, "uphold rate by %s: %s %s, %s upheld, %s%s%n", dims, Numbers.grouped(t.n()), unit(r, t.n()), Numbers.grouped(t.upheld()), pct(t),
        r.request().query() == null ? "" : "  (query: " + Terminal.escape(r.request().query()) + ")");
    List<String> multi = r.request().by().stream().filter(FacetDimension::multiValued).map(FacetDimension::dim).toList();
    if (!multi.isEmpty()) {
      String note = String.format(Locale.ROOT, "(%s %s multi-valued: a %s counts under each of its values, so the rows add up to more"
          + " than the total)", String.join(" and ", multi), multi.size() == 1 ? "is" : "are", r.request().level() == Level.LETTER ? "letter" : "decision");
      Terminal.wrap(note, width).forEach(out::println);
    }
  }

  private static void hidden(Report r, int width, PrintWriter out) {
    if (r.hidden() > 0) {
      Terminal.wrap(String.format(Locale.ROOT, "(%s groups with fewer than %s %s hidden; --min-n 1 shows them)", Numbers.grouped(r.hidden()),
          Numbers.grouped(r.request().minN()), unit(r)), width).forEach(out::println);
    }
  }

  private static void text(Report r, int width, PrintWriter out) {
    header(r, width, out);
    String dims = String.join(" x ", r.request().by().stream().map(FacetDimension::dim).toList());
    List<String[]> rows = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    for (Report.Row row : r.rows()) {
      rows.add(new String[] {Terminal.escape(label(row)), Numbers.grouped(row.n()), Numbers.grouped(row.upheld()),
          String.format(Locale.ROOT, "%.1f%%", 100 * row.upholdRate()),
          String.format(Locale.ROOT, "[%4.1f-%5.1f]", 100 * row.ciLow(), 100 * row.ciHigh()),
          String.format(Locale.ROOT, "%.1f%%", 100 * row.share()), ""});
      rates.add(row.upholdRate());
    }
    String[] head = {dims, unit(r), "upheld", "rate", "95% CI", "share", "uphold rate"};
    for (String line : table(head, rows, rates, width)) {
      out.println(line);
    }
    hidden(r, width, out);
  }

  /** The columns of a text report that are left-aligned: the label, the interval and the bar. */
  private static final boolean[] LEFT = {true, false, false, false, true, false, true};
  private static final int BAR_COLUMN = 6;
  private static final int CI_COLUMN = 4;
  private static final int MIN_BAR = 11;
  private static final int MIN_LABEL = 12;

  /**
   * A text report's lines, each column as wide as its widest value, two spaces apart, the last a bar of
   * each row's rate. When the table is wider than {@code width}, the bar narrows (to 11), then goes,
   * then the interval goes, then labels are cut with '~' (to no less than 12 characters): a label is
   * never cut while the table fits.
   */
  static List<String> table(String[] head, List<String[]> rows, List<Double> rates, int width) {
    int[] widths = new int[head.length];
    for (int c = 0; c < head.length; c++) {
      widths[c] = head[c].length();
      for (String[] row : rows) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    widths[BAR_COLUMN] = BAR;
    boolean[] shown = new boolean[head.length];
    java.util.Arrays.fill(shown, true);
    int over = total(widths, shown) - width;
    if (over > 0) {
      widths[BAR_COLUMN] = Math.max(MIN_BAR, BAR - over);
    }
    for (int drop : new int[] {BAR_COLUMN, CI_COLUMN}) {
      if (total(widths, shown) > width) {
        shown[drop] = false;
      }
    }
    over = total(widths, shown) - width;
    if (over > 0) {
      widths[0] = Math.max(Math.min(MIN_LABEL, widths[0]), widths[0] - over);
    }
    List<String> lines = new ArrayList<>();
    lines.add(line(head, widths, shown));
    for (int i = 0; i < rows.size(); i++) {
      int filled = (int) Math.round(rates.get(i) * widths[BAR_COLUMN]);
      rows.get(i)[BAR_COLUMN] = "#".repeat(filled) + ".".repeat(widths[BAR_COLUMN] - filled);
      lines.add(line(rows.get(i), widths, shown));
    }
    return lines;
  }

  private static int total(int[] widths, boolean[] shown) {
    int t = -2;
    for (int c = 0; c < widths.length; c++) {
      t += shown[c] ? widths[c] + 2 : 0;
    }
    return t;
  }

  private static String line(String[] values, int[] widths, boolean[] shown) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < values.length; c++) {
      if (!shown[c]) {
        continue;
      }
      String v = values[c].length() > widths[c] ? values[c].substring(0, widths[c] - 1) + "~" : values[c];
      String pad = " ".repeat(widths[c] - v.length());
      sb.append(c == 0 ? "" : "  ").append(LEFT[c] ? v + pad : pad + v);
    }
    return sb.toString().stripTrailing();
  }

  /** The group's values, "(none)" for no value. */
  private static String label(Report.Row row) {
    return String.join(" / ", row.keys().stream().map(k -> k == null ? NONE : k).toList());
  }

  /** How the text table shows the group of decisions with no value of a dimension (null in JSON, empty in CSV). */
  static final String NONE = "(none)";

  private static String pct(Report.Row t) {
    return String.format(Locale.ROOT, "%.1f%% [95%% CI %.1f-%.1f]", 100 * t.upholdRate(), 100 * t.ciLow(), 100 * t.ciHigh());
  }
}
