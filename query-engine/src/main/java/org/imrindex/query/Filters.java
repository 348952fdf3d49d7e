package org.imrindex.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Restrictions on decisions: facet values and inclusive numeric ranges (several values or ranges of
 * one dimension OR, different dimensions AND).
 *
 * @param values dimension values, by dimension name, in the order given
 * @param ranges numeric ranges, by range field, in the order given
 */
public record Filters(Map<String, List<String>> values, Map<RangeField, List<Range>> ranges) {

  /**
   * An inclusive integer range; an open end is {@link Integer#MIN_VALUE} or {@link Integer#MAX_VALUE}.
   * Dates are epoch days.
   */
  public record Range(int from, int to) {

    /** From {@code from} on, with no upper end. */
    public static Range atLeast(int from) {
      return new Range(from, Integer.MAX_VALUE);
    }

    /** Up to {@code to}, with no lower end. */
    public static Range atMost(int to) {
      return new Range(Integer.MIN_VALUE, to);
    }

    /** Whether the lower end is open. */
    public boolean openBelow() {
      return from == Integer.MIN_VALUE;
    }

    /** Whether the upper end is open. */
    public boolean openAbove() {
      return to == Integer.MAX_VALUE;
    }
  }

  public Filters {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    Map<RangeField, List<Range>> r = new LinkedHashMap<>();
    ranges.forEach((k, v) -> r.put(k, List.copyOf(v)));
    ranges = Collections.unmodifiableMap(r);
  }

  /** No restriction. */
  public static Filters none() {
    return new Filters(Map.of(), Map.of());
  }

  /**
   * Filters from DIM=VALUE pairs as typed: a range field ({@link RangeField}) is parsed as a range,
   * anything else is a dimension value, checked against the index when the query is built.
   *
   * @throws QuerySyntaxException a pair without '=' or a malformed or empty range
   */
  public static Filters parse(List<String> pairs) throws QuerySyntaxException {
    Map<String, List<String>> values = new LinkedHashMap<>();
    Map<RangeField, List<Range>> ranges = new LinkedHashMap<>();
    for (String f : pairs) {
      int eq = f.indexOf('=');
      if (eq <= 0 || eq == f.length() - 1) {
        throw new QuerySyntaxException("a filter is DIM=VALUE, got '" + f + "'");
      }
      String dim = f.substring(0, eq).strip();
      String value = f.substring(eq + 1).strip();
      RangeField range = RangeField.of(dim);
      if (range != null) {
        ranges.computeIfAbsent(range, k -> new ArrayList<>()).add(range.parse(value));
      } else {
        values.computeIfAbsent(dim.toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(value);
      }
    }
    return new Filters(values, ranges);
  }
}
