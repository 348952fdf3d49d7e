package org.imrindex.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imrindex.model.Decision;
import org.imrindex.model.LetterJson;

/** A search result as the JSON {@code imr search --format json} prints (and {@code --save} keeps as the result). */
public final class SearchJson {

  private SearchJson() {}

  /** The level, query, total, offset, hits and facet counts. */
  public static ObjectNode of(SearchResult r) {
    ObjectNode o = LetterJson.mapper().createObjectNode();
    o.put("level", r.request().level().toString());
    if (r.request().query() == null) {
      o.putNull("query");
    } else {
      o.put("query", r.request().query());
    }
    o.put("total", r.total()).put("offset", r.request().offset());
    ArrayNode hits = o.putArray("hits");
    r.hits().forEach(h -> hits.add(hit(h)));
    ObjectNode facets = o.putObject("facets");
    r.facets().forEach((dim, values) -> {
      ArrayNode a = facets.putArray(dim);
      values.forEach(v -> a.addObject().put("value", v.value()).put("count", v.count()));
    });
    return o;
  }

  /** One hit: its letter, decision, reviewer, warnings, score and snippets (one line of --format jsonl). */
  public static ObjectNode hit(SearchResult.Hit h) {
    ObjectNode n = LetterJson.mapper().createObjectNode();
    n.put("letter_id", h.letterId()); // snake_case, as the CSV and every other machine-readable output
    n.put("case_number", h.letter().caseNumber());
    if (h.decisionNo() != null) {
      Decision d = h.letter().decisions().get(h.decisionNo());
      n.put("decision_no", h.decisionNo()).put("item", d.item()).put("outcome", String.valueOf(d.outcome()));
      n.put("service_category", d.serviceCategory().toString());
      n.put("drug_generic", d.drug() == null ? null : d.drug().generic());
      n.put("drug_class", d.drug() == null || d.drug().drugClass() == null ? null : d.drug().drugClass().toString());
    }
    ArrayNode specs = n.putArray("specialties");
    h.letter().reviewer().specialties().forEach(specs::add);
    ArrayNode states = n.putArray("licensure_states");
    h.letter().reviewer().licensureStates().forEach(states::add);
    ArrayNode warnings = n.putArray("warnings");
    h.letter().warnings().forEach(warnings::add);
    n.put("score", Math.round(h.score() * 1000) / 1000.0);
    ArrayNode snippets = n.putArray("snippets");
    for (SearchResult.Snippet s : h.snippets()) {
      snippets.addObject().put("field", s.field()).put("html", html(s.text()));
    }
    return n;
  }

  /** A snippet for a web page: text HTML-escaped, matches in {@code <mark>}. */
  public static String html(String snippet) {
    String escaped = snippet.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    return escaped.replace(String.valueOf(SearchResult.MARK_START), "<mark>").replace(String.valueOf(SearchResult.MARK_END), "</mark>");
  }
}
