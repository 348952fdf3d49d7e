package org.imrindex.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.imrindex.model.LetterJson;
import org.imrindex.query.QueryIndex;
import org.imrindex.query.QuerySyntaxException;
import org.imrindex.query.Questions;
import org.imrindex.query.ReportJson;
import org.imrindex.query.Rerun;
import org.imrindex.query.SavedAnalysis;
import org.imrindex.query.TermsJson;
import org.imrindex.schema.IndexSchema;

/**
 * An overview saved to be cited and run again ({@code imr overview --save}, {@code imr rerun}): its
 * question, and its figures as JSON (the total, the letters, each chart's groups with the counts, rate
 * and interval the page draws, and the terms as {@code imr terms --format json} gives them).
 */
public final class OverviewJson {

  /** The question's command. */
  public static final String COMMAND = "overview";

  private OverviewJson() {}

  /** The request as a saved question: command, query, exact, filters, min_n, terms. */
  public static ObjectNode question(Overview.Request r) {
    ObjectNode o = LetterJson.mapper().createObjectNode();
    o.put("command", COMMAND);
    o.put("query", r.query());
    o.put("exact", r.exact());
    o.set("filters", Questions.filters(r.filters()));
    o.put("min_n", r.minN());
    o.put("terms", r.terms());
    return o;
  }

  /** The request a saved question asks; a question that is not one is refused with a one-line reason. */
  public static Overview.Request request(JsonNode q) throws QuerySyntaxException {
    JsonNode query = q.get("query");
    int terms = q.path("terms").asInt(15);
    if (terms < 0 || terms > 100) {
      throw new QuerySyntaxException("the question's terms " + terms + " is not 0 to 100");
    }
    return new Overview.Request(query == null || query.isNull() ? null : query.asText(), q.path("exact").asBoolean(false),
        Questions.parseFilters(q.get("filters")), q.path("min_n").asInt(1), terms);
  }

  /** The overview's figures: total, letters, charts (each dimension's, then the trend's), terms. */
  public static ObjectNode result(Overview o) {
    ObjectNode out = LetterJson.mapper().createObjectNode();
    ReportJson.counts(out.putObject("total"), o.total(), "decisions");
    out.put("letters", o.letters());
    ArrayNode charts = out.putArray("charts");
    for (ChartData c : o.dimensions()) {
      chart(charts.addObject(), c);
    }
    chart(charts.addObject(), o.trend());
    out.set("terms", TermsJson.of(o.terms()));
    return out;
  }

  /** An overview to save: the question as asked, the index it ran on, this tool, and its figures. */
  public static SavedAnalysis save(Overview.Request asked, Overview o, QueryIndex index) throws IOException {
    return new SavedAnalysis(question(asked), index.snapshot(), IndexSchema.toolVersion(), index.analysis().id(), result(o));
  }

  /** A saved overview asked again of {@code index} ({@link Rerun.Asker}). */
  public static SavedAnalysis ask(SavedAnalysis saved, QueryIndex index) throws IOException, QuerySyntaxException {
    Overview.Request r = request(saved.question());
    return save(r, new Overviewer(index).run(r), index);
  }

  /** One chart: its dimension, level, total and every group (small ones flagged), in the page's order. */
  private static void chart(ObjectNode n, ChartData c) {
    n.putArray("by").add(c.request().by().get(0).dim());
    n.put("level", c.request().level().toString());
    ReportJson.counts(n.putObject("total"), c.total(), c.unit());
    ArrayNode rows = n.putArray("rows");
    for (ChartData.Point p : c.points()) {
      ObjectNode row = rows.addObject();
      row.put(c.request().by().get(0).dim(), p.keys().get(0));
      row.put(c.unit(), p.n()).put("upheld", p.upheld()).put("overturned", p.overturned()).put("uphold_rate", ReportJson.round(p.rate()));
      row.put("ci95_low", ReportJson.round(p.low())).put("ci95_high", ReportJson.round(p.high())).put("small", p.small());
    }
  }
}
