package org.imrindex.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imrindex.model.LetterJson;

/** A report as the JSON {@code imr report --format json} prints (and {@code --save} keeps as the result). */
public final class ReportJson {

  private ReportJson() {}

  /** The report's level, grouping, query, filters, total, rows and hidden-group count. */
  public static ObjectNode of(Report r) {
    ObjectNode o = LetterJson.mapper().createObjectNode();
    o.put("level", r.request().level().toString());
    ArrayNode by = o.putArray("by");
    r.request().by().forEach(d -> by.add(d.dim()));
    if (r.request().query() == null) {
      o.putNull("query");
    } else {
      o.put("query", r.request().query());
    }
    o.set("filters", Questions.filters(r.request().filters()));
    ObjectNode total = o.putObject("total");
    String unit = unit(r.request().level());
    counts(total, r.total(), unit, false);
    ArrayNode rows = o.putArray("rows");
    for (Report.Row row : r.rows()) {
      ObjectNode n = rows.addObject();
      for (int i = 0; i < row.keys().size(); i++) {
        n.put(r.request().by().get(i).dim(), row.keys().get(i));
      }
      counts(n, row, unit, true);
    }
    o.put("hidden", r.hidden());
    return o;
  }

  /** What a report at {@code level} counts: "decisions" or "letters" (the JSON key of the count). */
  public static String unit(Level level) {
    return level == Level.LETTER ? "letters" : "decisions";
  }

  /** A row's counts, rate and interval under their JSON keys (the count's key is {@code unit}), as a report's total has them. */
  public static void counts(ObjectNode n, Report.Row row, String unit) {
    counts(n, row, unit, false);
  }

  private static void counts(ObjectNode n, Report.Row row, String unit, boolean share) {
    // snake_case, the names of the CSV columns: what pandas and R users expect
    n.put(unit, row.n()).put("upheld", row.upheld()).put("overturned", row.overturned()).put("uphold_rate", round(row.upholdRate()));
    n.put("ci95_low", round(row.ciLow())).put("ci95_high", round(row.ciHigh()));
    if (share) {
      n.put("share", round(row.share()));
    }
  }

  /** A rate or share to four decimals, as every output prints it. */
  public static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
