package org.imrindex.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrindex.query.Filters;
import org.imrindex.query.QuerySyntaxException;
import org.imrindex.query.RangeField;
import picocli.CommandLine.Option;

/** The {@code --filter} option of search, report, terms and export. */
final class FilterOptions {

  private static final Pattern RANGE = Pattern.compile("(\\d{1,4})\\s*\\.\\.\\s*(\\d{1,4})|(\\d{1,4})");

  @Option(names = "--filter", paramLabel = "DIM=VALUE", completionCandidates = Dimensions.FilterKeys.class,
      description = "Keep decisions with this value (repeatable: values of one dimension OR, dimensions AND);"
          + " values in any case, a drug also by its brand (drug=Norco);"
          + " ranges for injury_year, decision_year and age: --filter injury_year=2010..2014.")
  List<String> filters = new ArrayList<>();

  /** The filters as asked; the library checks dimensions and values against the index. */
  Filters filters() throws QuerySyntaxException {
    Map<String, List<String>> values = new LinkedHashMap<>();
    Map<RangeField, Filters.Range> ranges = new LinkedHashMap<>();
    for (String f : filters) {
      int eq = f.indexOf('=');
      if (eq <= 0 || eq == f.length() - 1) {
        throw new QuerySyntaxException("a filter is DIM=VALUE, got '" + f + "'");
      }
      String dim = f.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
      String value = f.substring(eq + 1).strip();
      RangeField range = rangeField(dim);
      Matcher m = RANGE.matcher(value);
      if (range != null && m.matches()) {
        int from = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(3));
        int to = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
        if (from > to) {
          throw new QuerySyntaxException("empty range in '" + f + "': " + from + " is after " + to);
        }
        ranges.put(range, new Filters.Range(from, to));
      } else if (range == RangeField.AGE) {
        throw new QuerySyntaxException("age takes a number or a range such as 40..60, got '" + value + "'");
      } else {
        values.computeIfAbsent(dim, k -> new ArrayList<>()).add(value);
      }
    }
    return new Filters(values, ranges);
  }

  private static RangeField rangeField(String dim) {
    for (RangeField r : RangeField.values()) {
      if (r.key().equals(dim)) {
        return r;
      }
    }
    return null;
  }
}
