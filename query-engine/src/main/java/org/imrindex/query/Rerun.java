package org.imrindex.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imrindex.model.LetterJson;
import org.imrindex.schema.IndexSchema;

/** Saves analyses and runs saved ones again ({@code --save}, {@code imr rerun}): is the result the same, and if not, why. */
public final class Rerun {

  /** How much of a letter id a differing hit is named by (the whole of a case number). */
  static final int ID_SHOWN = 12;

  private Rerun() {}

  /**
   * One row of a result that is not the same as saved.
   *
   * @param key the row's dimension values ({@code drug_class=opioid}), or "total"
   * @param before the saved row, or null when the saved result has no such row
   * @param after the row now, or null when the result now has no such row
   */
  public record RowChange(String key, JsonNode before, JsonNode after) {}

  /**
   * A saved analysis run again.
   *
   * @param saved what the file holds
   * @param now the same question asked of the index and tool now
   * @param identical the results are the same
   * @param indexChanged the index commit (generation, user data) or its letter or decision count is not the saved one
   * @param toolChanged the tool version or analysis chain is not the saved one
   * @param rows the rows whose values differ, saved order first, then rows only in the new result
   */
  public record Outcome(SavedAnalysis saved, SavedAnalysis now, boolean identical, boolean indexChanged, boolean toolChanged,
      List<RowChange> rows) {

    public Outcome {
      rows = List.copyOf(rows);
    }
  }

  /** A report to save: the question as asked, the index it ran on, this tool, and the report's JSON. */
  public static SavedAnalysis report(ReportRequest asked, Report report, QueryIndex index) throws IOException {
    return new SavedAnalysis(Questions.report(asked), index.snapshot(), IndexSchema.toolVersion(), index.analysis().id(), ReportJson.of(report));
  }

  /** A search to save: the question as asked, the index it ran on, this tool, and the search's JSON. */
  public static SavedAnalysis search(SearchRequest asked, SearchResult result, QueryIndex index) throws IOException {
    return new SavedAnalysis(Questions.search(asked), index.snapshot(), IndexSchema.toolVersion(), index.analysis().id(), SearchJson.of(result));
  }

  /** A terms comparison to save: the question as asked, the index it ran on, this tool, and its JSON. */
  public static SavedAnalysis terms(TermsRequest asked, TermsResult result, QueryIndex index) throws IOException {
    return new SavedAnalysis(Questions.terms(asked), index.snapshot(), IndexSchema.toolVersion(), index.analysis().id(), TermsJson.of(result));
  }

  /** Asks a saved question of another command (one this module does not run, such as overview) again: the analysis as it is now. */
  @FunctionalInterface
  public interface Asker {
    SavedAnalysis ask(SavedAnalysis saved, QueryIndex index) throws IOException, QuerySyntaxException;
  }

  /** Asks the saved question again of {@code index} and compares. */
  public static Outcome run(SavedAnalysis saved, QueryIndex index) throws IOException, QuerySyntaxException {
    return run(saved, index, Map.of());
  }

  /** Asks the saved question again of {@code index}, the commands of {@code others} by them, and compares. */
  public static Outcome run(SavedAnalysis saved, QueryIndex index, Map<String, Asker> others) throws IOException, QuerySyntaxException {
    SavedAnalysis now = switch (saved.command()) {
      case "report" -> {
        ReportRequest r = Questions.reportRequest(saved.question());
        yield report(r, new Reporter(index).run(r), index);
      }
      case "search" -> {
        SearchRequest r = Questions.searchRequest(saved.question());
        yield search(r, new Searcher(index).search(r), index);
      }
      case "terms" -> {
        TermsRequest r = Questions.termsRequest(saved.question());
        yield terms(r, new SignificantTerms(index).run(r), index);
      }
      default -> {
        Asker other = others.get(saved.command());
        if (other == null) {
          throw new QuerySyntaxException("cannot rerun a saved '" + saved.command() + "'; saved reports, searches"
              + (others.containsKey("overview") ? ", terms and overviews" : " and terms") + " can be rerun");
        }
        yield other.ask(saved, index);
      }
    };
    JsonNode before = asRead(saved.result());
    JsonNode after = asRead(now.result());
    boolean identical = before.equals(after);
    boolean indexChanged = !saved.index().sameAs(now.index());
    boolean toolChanged = !saved.toolVersion().equals(now.toolVersion()) || !saved.analysisChain().equals(now.analysisChain());
    return new Outcome(saved, now, identical, indexChanged, toolChanged, identical ? List.of() : changes(before, after));
  }

  /** The value as a saved file gives it back: JSON numbers compare by the type they are read as (5 as an int, not a long). */
  private static JsonNode asRead(JsonNode n) throws IOException {
    return LetterJson.mapper().readTree(LetterJson.mapper().writeValueAsBytes(n));
  }

  /** The rows that differ: a report's total and rows by their values; any other result's top-level keys. */
  static List<RowChange> changes(JsonNode before, JsonNode after) {
    Map<String, JsonNode> old = rows(before);
    Map<String, JsonNode> neu = rows(after);
    List<RowChange> out = new ArrayList<>();
    old.forEach((k, v) -> {
      if (!v.equals(neu.get(k))) {
        out.add(new RowChange(k, v, neu.get(k)));
      }
    });
    neu.forEach((k, v) -> {
      if (!old.containsKey(k)) {
        out.add(new RowChange(k, null, v));
      }
    });
    return out;
  }

  private static Map<String, JsonNode> rows(JsonNode result) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    if (result.path("charts").isArray() && result.path("terms").isObject()) {
      // an overview: its total and letters, each chart's total and rows (a row's key names its
      // dimension), then the terms' rows, each named as from imr terms after "terms: "
      m.put("total", result.path("total"));
      m.put("letters", result.path("letters"));
      for (JsonNode chart : result.get("charts")) {
        String dim = chart.path("by").path(0).asText();
        rows(chart).forEach((k, v) -> {
          if (k.equals("total")) {
            m.put(dim + " total", v);
          } else if (!k.equals("hidden")) {
            m.put(k, v);
          }
        });
      }
      rows(result.get("terms")).forEach((k, v) -> m.put("terms: " + k, v));
      return m;
    }
    JsonNode by = result.path("by");
    if (by.isArray() && result.path("rows").isArray()) {
      m.put("total", result.path("total"));
      m.put("hidden", result.path("hidden"));
      for (JsonNode row : result.get("rows")) {
        List<String> key = new ArrayList<>();
        by.forEach(d -> key.add(d.asText() + "=" + (row.path(d.asText()).isNull() ? "(none)" : row.path(d.asText()).asText())));
        // a row's share moves with the total; the row differs when its counts do
        m.put(String.join(", ", key), ((com.fasterxml.jackson.databind.node.ObjectNode) row.deepCopy()).without("share"));
      }
      return m;
    }
    if (result.path("hits").isArray()) {
      // a search: the total, each hit by its letter and decision (its rank and score), each facet value's count
      m.put("total", result.path("total"));
      int rank = result.path("offset").asInt() + 1;
      for (JsonNode hit : result.get("hits")) {
        String id = hit.path("letter_id").asText();
        // a letter without a case number is named by its hash: the first 12 characters, as a search's hit line shows it
        String key = "hit " + id.substring(0, Math.min(ID_SHOWN, id.length())) + (hit.has("decision_no") ? " decision " + (hit.path("decision_no").asInt() + 1) : "");
        m.put(key, com.fasterxml.jackson.databind.node.TextNode.valueOf("#" + rank++ + ", score " + hit.path("score").asText()));
      }
      result.path("facets").properties().forEach(f -> f.getValue().forEach(v ->
          m.put(f.getKey() + "=" + v.path("value").asText(), v.path("count"))));
      return m;
    }
    for (Map.Entry<String, JsonNode> e : result.properties()) {
      if (e.getKey().startsWith("typical_of_") && e.getValue().isArray()) {
        // terms: each side's terms by name (counts, z)
        for (JsonNode t : e.getValue()) {
          m.put(e.getKey() + " \"" + t.path("term").asText() + "\"", ((com.fasterxml.jackson.databind.node.ObjectNode) t.deepCopy()).without("term"));
        }
      } else {
        m.put(e.getKey(), e.getValue());
      }
    }
    return m;
  }
}
