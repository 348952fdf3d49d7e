package org.imrindex.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.imrindex.schema.FacetDimension;
import org.imrindex.schema.IndexField;
import org.imrindex.schema.IndexSchema;

/**
 * Computes uphold-rate reports: one doc-values pass over the matching decisions, counting each
 * decision once under each value of a multi-valued dimension (or each combination of values of up
 * to three), and at
 * letter level each distinct letter once per group — overturned if any of its decisions in the
 * group was overturned, else upheld. Decisions without an outcome are not counted.
 */
public final class Reporter {

  private final QueryIndex index;

  public Reporter(QueryIndex index) {
    this.index = index;
  }

  public Report run(ReportRequest asked) throws IOException, QuerySyntaxException {
    QueryBuilder builder = new QueryBuilder(index);
    ReportRequest r = new ReportRequest(asked.by(), asked.query(), asked.exact(), builder.validate(asked.filters()), asked.level(), asked.minN(), asked.sort());
    Query q = builder.decisions(r.query(), r.exact(), r.filters());
    FacetsCollector fc = index.search(q, new FacetsCollectorManager());
    Report report = count(r, fc);
    if (r.by().size() < 3) {
      return report;
    }
    // the total of each cross table: the same decisions by the third dimension alone (another pass
    // over the doc values, no second search), exact also when a dimension is multi-valued
    ReportRequest third = new ReportRequest(List.of(r.by().get(2)), r.query(), r.exact(), r.filters(), r.level(), 1, r.sort());
    return new Report(r, report.total(), report.rows(), report.hidden(), count(third, fc).rows());
  }

  private Report count(ReportRequest r, FacetsCollector fc) throws IOException {
    if (r.level() == Level.DECISION) {
      DecisionCounter counter = new DecisionCounter(index, r.by());
      for (FacetsCollector.MatchingDocs md : fc.getMatchingDocs()) {
        counter.segment(md);
      }
      List<Report.Row> rows = new ArrayList<>();
      counter.counts().forEach((k, c) -> rows.add(Report.Row.of(k, c[0], c[1], counter.total())));
      return finish(r, rows, counter.total(), counter.upheld());
    }
    LetterCounter counter = new LetterCounter(index, r.by());
    for (FacetsCollector.MatchingDocs md : fc.getMatchingDocs()) {
      counter.segment(md);
    }
    return counter.report(r);
  }

  /** Per-group counts of distinct letters (--level letter); decision counts are DecisionCounter's. */
  private static final class LetterCounter {
    private final QueryIndex index;
    private final List<FacetDimension> by;
    /** Per group, and in all: each letter, and whether any of its counted decisions was overturned. */
    private final Map<List<String>, Map<String, Boolean>> letters = new HashMap<>();
    private final Map<String, Boolean> totalLetters = new HashMap<>();

    LetterCounter(QueryIndex index, List<FacetDimension> by) {
      this.index = index;
      this.by = List.copyOf(by);
    }

    void segment(FacetsCollector.MatchingDocs md) throws IOException {
      LeafReader reader = md.context().reader();
      SortedSetDocValues outcomes = reader.getSortedSetDocValues(IndexSchema.facetField(FacetDimension.OUTCOME));
      SortedDocValues letterIds = reader.getSortedDocValues(IndexField.LETTER_ID.fieldName());
      if (outcomes == null) {
        return;
      }
      List<SortedSetDocValues> fields = new ArrayList<>();
      for (FacetDimension d : by) {
        fields.add(index.facetValues(md.context(), d));
      }
      List<Map<Long, String>> labels = new ArrayList<>();
      for (int d = 0; d < by.size(); d++) {
        labels.add(new HashMap<>());
      }
      Map<Integer, String> ids = new HashMap<>();
      DocIdSetIterator it = md.bits().iterator();
      List<List<String>> values = new ArrayList<>();
      for (int d = 0; d < by.size(); d++) {
        values.add(new ArrayList<>());
      }
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (!outcomes.advanceExact(doc)) {
          continue;
        }
        boolean upheld = label(outcomes, outcomes.nextOrd()).equals("upheld");
        for (int d = 0; d < by.size(); d++) {
          values.get(d).clear();
          SortedSetDocValues f = fields.get(d);
          if (f != null && f.advanceExact(doc)) {
            for (int i = 0, n = f.docValueCount(); i < n; i++) {
              long ord = f.nextOrd();
              values.get(d).add(labels.get(d).computeIfAbsent(ord, o -> label(f, o)));
            }
          }
          if (values.get(d).isEmpty()) {
            values.get(d).add(null); // the "(none)" group
          }
        }
        String letter = null;
        if (letterIds != null && letterIds.advanceExact(doc)) {
          int o = letterIds.ordValue();
          letter = ids.computeIfAbsent(o, k -> {
            try {
              return letterIds.lookupOrd(k).utf8ToString();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
        }
        count(List.of(), upheld, letter, true);
        combinations(values, 0, new ArrayList<>(), upheld, letter);
      }
    }

    /** The value part of a facet ordinal's label ("drug_class\u001fopioid" gives opioid). */
    private static String label(SortedSetDocValues field, long ord) {
      try {
        return FacetsConfig.stringToPath(field.lookupOrd(ord).utf8ToString())[1];
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private void combinations(List<List<String>> values, int d, List<String> prefix, boolean upheld, String letter) {
      if (d == values.size()) {
        count(java.util.Collections.unmodifiableList(new ArrayList<>(prefix)), upheld, letter, false);
        return;
      }
      for (String v : values.get(d)) {
        prefix.add(v);
        combinations(values, d + 1, prefix, upheld, letter);
        prefix.remove(prefix.size() - 1);
      }
    }

    private void count(List<String> key, boolean upheld, String letter, boolean total) {
      if (letter != null) {
        Map<String, Boolean> overturned = total ? totalLetters : letters.computeIfAbsent(key, k -> new HashMap<>());
        overturned.merge(letter, !upheld, Boolean::logicalOr);
      }
    }

    Report report(ReportRequest r) {
      long totalN = totalLetters.size();
      long totalUp = totalLetters.values().stream().filter(o -> !o).count();
      List<Report.Row> rows = new ArrayList<>();
      letters.forEach((k, m) -> rows.add(Report.Row.of(k, m.size(), m.values().stream().filter(o -> !o).count(), totalN)));
      return finish(r, rows, totalN, totalUp);
    }
  }

  /** Hides groups under --min-n, orders the rows, adds the total. */
  private static Report finish(ReportRequest r, List<Report.Row> rows, long totalN, long totalUp) {
    int hidden = (int) rows.stream().filter(row -> row.n() < r.minN()).count();
    rows.removeIf(row -> row.n() < r.minN());
    rows.sort(order(r.sort()));
    return new Report(r, Report.Row.of(List.of(), totalN, totalUp, totalN), rows, hidden);
  }

  /** The order of the rows: by the sort asked for, and a group with no value ("(none)") after the others. */
  static Comparator<Report.Row> order(ReportSort sort) {
    Comparator<Report.Row> byName = (a, b) -> {
      for (int i = 0; i < a.keys().size(); i++) {
        int c = compareValues(a.keys().get(i), b.keys().get(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
    Comparator<Report.Row> noneLast = Comparator.comparing(row -> row.keys().contains(null));
    return noneLast.thenComparing(switch (sort) {
      case N -> Comparator.comparingLong(Report.Row::n).reversed().thenComparing(byName);
      case RATE -> Comparator.comparingDouble(Report.Row::upholdRate).reversed()
          .thenComparing(Comparator.comparingLong(Report.Row::n).reversed()).thenComparing(byName);
      case NAME -> byName;
    });
  }

  /** Numbers compare as numbers ("9" before "24"), everything else as text; no value after every value. */
  private static int compareValues(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    if (a.matches("\\d{1,9}") && b.matches("\\d{1,9}")) {
      return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
    }
    return a.compareTo(b);
  }
}
