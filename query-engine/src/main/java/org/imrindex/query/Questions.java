package org.imrindex.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imrindex.model.LetterJson;
import org.imrindex.schema.FacetDimension;
import org.imrindex.schema.IndexField;

/** Requests as the JSON "question" of a saved analysis, and back: what {@code imr rerun} asks again. */
public final class Questions {

  private Questions() {}

  /** A report request as JSON: command, by, query, exact, filters, level, min_n, sort. */
  public static ObjectNode report(ReportRequest r) {
    ObjectNode o = LetterJson.mapper().createObjectNode();
    o.put("command", "report");
    ArrayNode by = o.putArray("by");
    r.by().forEach(d -> by.add(d.dim()));
    o.put("query", r.query());
    o.put("exact", r.exact());
    o.set("filters", filters(r.filters()));
    o.put("level", r.level().toString());
    o.put("min_n", r.minN());
    o.put("sort", r.sort().name().toLowerCase(Locale.ROOT));
    return o;
  }

  /** The report request a question asks; a question that is not one is refused with a one-line reason. */
  public static ReportRequest reportRequest(JsonNode q) throws QuerySyntaxException {
    List<FacetDimension> by = new ArrayList<>();
    for (JsonNode d : array(q, "by")) {
      try {
        by.add(FacetDimension.of(d.asText()));
      } catch (IllegalArgumentException e) {
        throw new QuerySyntaxException("the question groups by an unknown dimension '" + d.asText() + "'");
      }
    }
    if (by.isEmpty() || by.size() > ReportRequest.MAX_BY) {
      throw new QuerySyntaxException("the question's 'by' has " + by.size() + " dimensions; a report has one to " + ReportRequest.MAX_BY);
    }
    JsonNode query = q.get("query");
    return new ReportRequest(by, query == null || query.isNull() ? null : query.asText(), q.path("exact").asBoolean(false),
        parseFilters(q.get("filters")), enumOf(Level.class, text(q, "level")), q.path("min_n").asInt(1), enumOf(ReportSort.class, text(q, "sort")));
  }

  /** A search request as JSON: command, query, exact, filters, facets, level, limit, offset, sort. */
  public static ObjectNode search(SearchRequest r) {
    ObjectNode o = LetterJson.mapper().createObjectNode();
    o.put("command", "search");
    o.put("query", r.query());
    o.put("exact", r.exact());
    o.set("filters", filters(r.filters()));
    ArrayNode facets = o.putArray("facets");
    r.facets().forEach(d -> facets.add(d.dim()));
    o.put("level", r.level().toString());
    o.put("limit", r.limit());
    o.put("offset", r.offset());
    o.put("sort", r.sort().name().toLowerCase(Locale.ROOT));
    return o;
  }

  /** The search request a question asks. */
  public static SearchRequest searchRequest(JsonNode q) throws QuerySyntaxException {
    List<FacetDimension> facets = new ArrayList<>();
    for (JsonNode d : array(q, "facets")) {
      try {
        facets.add(FacetDimension.of(d.asText()));
      } catch (IllegalArgumentException e) {
        throw new QuerySyntaxException("the question counts an unknown dimension '" + d.asText() + "'");
      }
    }
    JsonNode query = q.get("query");
    return new SearchRequest(query == null || query.isNull() ? null : query.asText(), q.path("exact").asBoolean(false),
        parseFilters(q.get("filters")), facets, enumOf(Level.class, text(q, "level")), q.path("limit").asInt(10), q.path("offset").asInt(0),
        enumOf(SearchSort.class, text(q, "sort")));
  }

  /** The text fields imr terms compares. */
  private static final List<IndexField> TERMS_FIELDS = List.of(IndexField.RATIONALE, IndexField.SUMMARY, IndexField.ITEM, IndexField.GUIDELINE);

  /** A terms request as JSON: command, field, query or compare, exact, filters, limit. */
  public static ObjectNode terms(TermsRequest r) {
    ObjectNode o = LetterJson.mapper().createObjectNode();
    o.put("command", "terms");
    o.put("field", r.field().fieldName());
    o.put("query", r.query());
    o.put("compare", r.compareOutcome() ? "outcome" : null);
    o.put("exact", r.exact());
    o.set("filters", filters(r.filters()));
    o.put("limit", r.limit());
    return o;
  }

  /** The terms request a question asks. */
  public static TermsRequest termsRequest(JsonNode q) throws QuerySyntaxException {
    String name = text(q, "field");
    IndexField field = TERMS_FIELDS.stream().filter(f -> f.fieldName().equals(name)).findFirst()
        .orElseThrow(() -> new QuerySyntaxException("the question's field '" + name + "' is not one imr terms compares"));
    JsonNode query = q.get("query");
    return new TermsRequest(field, query == null || query.isNull() ? null : query.asText(), q.path("exact").asBoolean(false),
        "outcome".equals(q.path("compare").asText(null)), parseFilters(q.get("filters")), q.path("limit").asInt(15));
  }

  /** Filters as JSON: each dimension (or range field) with its values (ranges as typed: 2015..2016). */
  public static ObjectNode filters(Filters f) {
    ObjectNode filters = LetterJson.mapper().createObjectNode();
    f.values().forEach((k, v) -> {
      ArrayNode a = filters.putArray(k);
      v.forEach(a::add);
    });
    f.ranges().forEach((k, v) -> {
      ArrayNode a = filters.putArray(k.key());
      v.forEach(range -> a.add(k.format(range)));
    });
    return filters;
  }

  /** The filters of {@link #filters(Filters)}, read back. */
  public static Filters parseFilters(JsonNode n) throws QuerySyntaxException {
    if (n == null || n.isNull()) {
      return Filters.none();
    }
    if (!n.isObject()) {
      throw new QuerySyntaxException("the question's 'filters' is not an object");
    }
    List<String> pairs = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      if (!e.getValue().isArray()) {
        throw new QuerySyntaxException("the question's filter '" + e.getKey() + "' is not a list of values");
      }
      e.getValue().forEach(v -> pairs.add(e.getKey() + "=" + v.asText()));
    }
    return Filters.parse(pairs);
  }

  private static JsonNode array(JsonNode q, String key) throws QuerySyntaxException {
    JsonNode a = q.get(key);
    if (a == null || !a.isArray()) {
      throw new QuerySyntaxException("the question has no list '" + key + "'");
    }
    return a;
  }

  private static String text(JsonNode q, String key) throws QuerySyntaxException {
    JsonNode t = q.get(key);
    if (t == null || !t.isTextual()) {
      throw new QuerySyntaxException("the question has no '" + key + "'");
    }
    return t.asText();
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String value) throws QuerySyntaxException {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new QuerySyntaxException("the question's value '" + value + "' is not a " + type.getSimpleName().toLowerCase(Locale.ROOT));
    }
  }
}
