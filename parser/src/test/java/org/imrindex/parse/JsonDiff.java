package org.imrindex.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The fields where two JSON trees differ, one line each, as JSON Pointers: what a failed record comparison prints first. */
final class JsonDiff {

  private JsonDiff() {}

  /** One line per differing field, {@code /decisions/0/outcome: expected "upheld", got "overturned"}; empty when equal. */
  static List<String> of(JsonNode expected, JsonNode actual) {
    List<String> out = new ArrayList<>();
    walk("", expected, actual, out);
    return out;
  }

  private static void walk(String at, JsonNode expected, JsonNode actual, List<String> out) {
    String where = at.isEmpty() ? "/" : at;
    if (expected.isObject() && actual.isObject()) {
      Set<String> names = new TreeSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      // record order, then any field only one side has
      List<String> ordered = new ArrayList<>();
      for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
        ordered.add(it.next());
      }
      for (String n : names) {
        if (!ordered.contains(n)) {
          ordered.add(n);
        }
      }
      for (String n : ordered) {
        String child = at + "/" + n;
        if (!expected.has(n)) {
          out.add(child + ": not expected, got " + actual.get(n));
        } else if (!actual.has(n)) {
          out.add(child + ": expected " + expected.get(n) + ", missing");
        } else {
          walk(child, expected.get(n), actual.get(n), out);
        }
      }
    } else if (expected.isArray() && actual.isArray()) {
      int n = Math.max(expected.size(), actual.size());
      for (int i = 0; i < n; i++) {
        String child = at + "/" + i;
        if (i >= actual.size()) {
          out.add(child + ": expected " + expected.get(i) + ", missing");
        } else if (i >= expected.size()) {
          out.add(child + ": not expected, got " + actual.get(i));
        } else {
          walk(child, expected.get(i), actual.get(i), out);
        }
      }
    } else if (!expected.equals(actual)) {
      out.add(where + ": expected " + expected + ", got " + actual);
    }
  }
}
