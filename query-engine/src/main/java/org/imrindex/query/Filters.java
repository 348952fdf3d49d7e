package org.imrindex.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Restrictions on decisions: facet values (several values of one dimension OR, different dimensions
 * AND) and inclusive numeric ranges.
 *
 * @param values dimension values, by dimension name, in the order given
 * @param ranges numeric ranges, by range field
 */
public record Filters(Map<String, List<String>> values, Map<RangeField, Range> ranges) {

  /** An inclusive integer range. */
  public record Range(int from, int to) {}

  public Filters {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    ranges = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
  }

  /** No restriction. */
  public static Filters none() {
    return new Filters(Map.of(), Map.of());
  }
}
