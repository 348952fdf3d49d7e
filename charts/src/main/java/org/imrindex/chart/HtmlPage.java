package org.imrindex.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imrindex.query.Filters;
import org.imrindex.query.RangeField;
import org.imrindex.query.ReportRequest;
import org.imrindex.schema.FacetDimension;

/**
 * Self-contained HTML pages (no script, no external file: styles inline, charts as inline SVG whose
 * text stays text): a report's question, table and chart. Every value from the index or the user is
 * escaped.
 */
public final class HtmlPage {

  /**
   * Where the figures come from.
   *
   * @param index the index folder
   * @param committedAt the index's last commit (ISO instant), or null
   * @param indexVersion the tool version that made the index
   * @param toolVersion the version of the tool that wrote the page
   * @param generatedAt when the page was written (ISO instant)
   */
  public record Provenance(String index, String committedAt, String indexVersion, String toolVersion, String generatedAt) {}

  private static final String STYLE = """
      body{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;color:#222;margin:24px auto;max-width:1100px;padding:0 16px;line-height:1.4}
      h1{font-size:26px;margin:0 0 8px}h2{font-size:20px;margin:32px 0 8px;border-bottom:1px solid #ccc;padding-bottom:4px}
      dl.question{display:grid;grid-template-columns:max-content auto;gap:2px 16px;font-size:14px;margin:8px 0 16px}
      dl.question dt{font-weight:bold}dl.question dd{margin:0}
      svg{max-width:100%;height:auto;display:block;margin:8px 0}
      table{border-collapse:collapse;font-size:14px;margin:8px 0}
      th,td{padding:3px 10px;border-bottom:1px solid #e4e4e4;text-align:right}
      th:first-child,td:first-child,td.key,th.key{text-align:left}
      thead th{border-bottom:2px solid #888}
      tr.small td{color:#888}
      p.note{font-size:13px;color:#444;margin:4px 0}
      .totals{font-size:18px;margin:8px 0}
      @media print{body{margin:0;max-width:none}h2{break-after:avoid}section{break-inside:avoid}}
      """;

  private HtmlPage() {}

  /** Text as HTML text or attribute value: {@code & < > " '} escaped. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The start of a page: its title and the inline style. */
  public static String head(String title) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        + "<title>" + escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n";
  }

  /** The end of a page. */
  public static String tail() {
    return "</body>\n</html>\n";
  }

  /** A report's page: the question, the chart and the table. */
  public static String report(ChartData d, Provenance p) {
    String title = "Uphold rate by " + dims(d.request());
    StringBuilder sb = new StringBuilder(head(title));
    sb.append("<h1>").append(escape(title)).append("</h1>\n");
    sb.append(question(d.request(), p));
    sb.append(totals(d));
    sb.append(Charts.svgElement(d, "chart")).append('\n');
    sb.append(table(d));
    sb.append(tail());
    return sb.toString();
  }

  /** An overview's page: the question, the totals, a chart and table per dimension, the trend, the distinguishing terms. */
  public static String overview(Overview o, Provenance p) {
    String title = "IMR decisions: overview";
    StringBuilder sb = new StringBuilder(head(title));
    sb.append("<h1>").append(escape(title)).append("</h1>\n");
    ChartData first = o.dimensions().isEmpty() ? o.trend() : o.dimensions().get(0);
    sb.append(question(first.request(), p));
    sb.append(totals(first).replace("<p class=\"totals\"", "<p class=\"totals\" data-letters=\"" + o.letters() + "\"")
        .replace(" overturned: ", " overturned, in <b>" + Charts.count(o.letters()) + "</b> letters: "));
    for (ChartData d : o.dimensions()) {
      section(sb, d);
    }
    section(sb, o.trend());
    terms(sb, o.terms(), o.request().query() != null);
    sb.append(tail());
    return sb.toString();
  }

  private static void section(StringBuilder sb, ChartData d) {
    String dim = d.request().by().get(0).dim();
    sb.append("<section class=\"dimension\" data-dimension=\"").append(escape(dim)).append("\">\n<h2>Uphold rate by ").append(escape(dim)).append("</h2>\n");
    sb.append(Charts.svgElement(d, "chart-" + dim)).append('\n');
    sb.append("<details><summary>the table (").append(d.points().size()).append(" groups)</summary>\n").append(table(d)).append("</details>\n");
    sb.append("</section>\n");
  }

  private static void terms(StringBuilder sb, org.imrindex.query.TermsResult t, boolean queried) {
    sb.append("<section class=\"terms\">\n<h2>Terms that distinguish overturned from upheld decisions</h2>\n");
    sb.append("<p class=\"note\">Words and two-word phrases of the rationales, by the log-odds ratio with an informative prior (z: its")
        .append(" standard score), as <code>imr terms --compare outcome</code> gives them: ").append(Charts.count(t.decisionsA()))
        .append(" overturned and ").append(Charts.count(t.decisionsB())).append(" upheld decisions")
        .append(queried ? " of the filtered decisions (the query does not narrow the comparison)" : "")
        .append("; ").append(t.templateLeftOut()).append(" terms of the letters' template left out.</p>\n");
    side(sb, "overturned", t.forA(), t);
    side(sb, "upheld", t.forB(), t);
    sb.append("</section>\n");
  }

  private static void side(StringBuilder sb, String side, List<org.imrindex.query.TermsResult.TermScore> terms, org.imrindex.query.TermsResult t) {
    sb.append("<h3>typical of ").append(escape(side)).append(" decisions</h3>\n<table class=\"terms\" data-side=\"").append(escape(side))
        .append("\">\n<thead><tr><th class=\"key\">term</th><th>times in ").append(escape(t.labelA())).append("</th><th>times in ").append(escape(t.labelB()))
        .append("</th><th>z</th></tr></thead>\n<tbody>\n");
    for (var s : terms) {
      sb.append("<tr class=\"term\" data-term=\"").append(escape(s.term())).append("\" data-z=\"").append(Math.round(s.z() * 1000) / 1000.0)
          .append("\"><td class=\"key\">").append(escape(s.term())).append("</td><td>").append(Charts.count(s.countA())).append("</td><td>")
          .append(Charts.count(s.countB())).append("</td><td>").append(String.format(java.util.Locale.ROOT, "%.2f", s.z())).append("</td></tr>\n");
    }
    if (terms.isEmpty()) {
      sb.append("<tr><td class=\"key\">(none)</td><td></td><td></td><td></td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n");
  }

  /** One line with the total and the overall rate with its interval. */
  public static String totals(ChartData d) {
    var t = d.total();
    return "<p class=\"totals\" data-n=\"" + t.n() + "\" data-upheld=\"" + t.upheld() + "\" data-rate=\"" + Charts.decimal(t.upholdRate())
        + "\"><b>" + Charts.count(t.n()) + "</b> " + d.unit() + ", <b>" + Charts.count(t.upheld()) + "</b> upheld, <b>"
        + Charts.count(t.overturned()) + "</b> overturned: uphold rate <b>" + Charts.percent(t.upholdRate()) + "</b> (95% CI "
        + Charts.percent(t.ciLow()) + "–" + Charts.percent(t.ciHigh()) + ")</p>\n";
  }

  private static String dims(ReportRequest r) {
    return String.join(" × ", r.by().stream().map(FacetDimension::dim).toList());
  }

  /** What was asked and of which index: query, filters, level, min-n, index commit, versions, date. */
  public static String question(ReportRequest r, Provenance p) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"query", r.query() == null ? "(all decisions)" : r.query() + (r.exact() ? "  (exact)" : "")});
    rows.add(new String[] {"filters", filters(r.filters())});
    rows.add(new String[] {"level", r.level().toString() + " (" + (r.level() == org.imrindex.query.Level.LETTER ? "distinct letters" : "decisions") + ")"});
    if (r.minN() > 1) {
      rows.add(new String[] {"min-n", r.minN() + " (smaller groups grey, not hidden)"});
    }
    rows.add(new String[] {"index", p.index()});
    rows.add(new String[] {"index snapshot", (p.committedAt() == null ? "(no commit time)" : "committed " + p.committedAt())
        + " by imr " + p.indexVersion()});
    rows.add(new String[] {"written by", "imr " + p.toolVersion() + " at " + p.generatedAt()});
    StringBuilder sb = new StringBuilder("<dl class=\"question\">\n");
    for (String[] row : rows) {
      sb.append("<dt>").append(escape(row[0])).append("</dt><dd data-field=\"").append(escape(row[0])).append("\">").append(escape(row[1]))
          .append("</dd>\n");
    }
    return sb.append("</dl>\n").toString();
  }

  /** Filters as typed: dim=value, ranges as the report's JSON writes them; "(none)" when there are none. */
  static String filters(Filters f) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : f.values().entrySet()) {
      for (String v : e.getValue()) {
        parts.add(e.getKey() + "=" + v);
      }
    }
    for (Map.Entry<RangeField, List<Filters.Range>> e : f.ranges().entrySet()) {
      for (Filters.Range range : e.getValue()) {
        parts.add(e.getKey().key() + "=" + e.getKey().format(range));
      }
    }
    return parts.isEmpty() ? "(none)" : String.join(", ", parts);
  }

  /** The table of a chart's groups, in the report's order; small groups grey. */
  public static String table(ChartData d) {
    StringBuilder sb = new StringBuilder("<table class=\"report\">\n<thead><tr>");
    for (FacetDimension dim : d.request().by()) {
      sb.append("<th class=\"key\">").append(escape(dim.dim())).append("</th>");
    }
    sb.append("<th>").append(d.unit()).append("</th><th>upheld</th><th>overturned</th><th>uphold rate</th><th>95% CI</th><th>share</th></tr></thead>\n<tbody>\n");
    for (ChartData.Point pt : d.points()) {
      sb.append("<tr class=\"row").append(pt.small() ? " small" : "").append("\" data-value=\"").append(escape(pt.label())).append("\">");
      for (String k : pt.keys()) {
        sb.append("<td class=\"key\">").append(escape(k == null ? ChartData.NONE : k)).append("</td>");
      }
      double share = d.total().n() == 0 ? 0 : (double) pt.n() / d.total().n();
      sb.append("<td>").append(Charts.count(pt.n())).append("</td><td>").append(Charts.count(pt.upheld())).append("</td><td>")
          .append(Charts.count(pt.overturned())).append("</td><td>").append(Charts.percent(pt.rate())).append("</td><td>")
          .append(Charts.percent(pt.low())).append("–").append(Charts.percent(pt.high())).append("</td><td>")
          .append(Charts.percent(share)).append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n");
    List<String> multi = d.request().by().stream().filter(FacetDimension::multiValued).map(FacetDimension::dim).toList();
    if (!multi.isEmpty()) {
      sb.append("<p class=\"note\">").append(escape(String.join(" and ", multi))).append(multi.size() == 1 ? " is" : " are")
          .append(" multi-valued: a ").append(d.unit().equals("letters") ? "letter" : "decision")
          .append(" counts under each of its values, so the rows add up to more than the total.</p>\n");
    }
    if (d.small() > 0) {
      sb.append("<p class=\"note\">").append(d.small()).append(" groups with fewer than ").append(d.request().minN()).append(' ').append(d.unit())
          .append(" are grey: their intervals are wide.</p>\n");
    }
    return sb.toString();
  }
}
