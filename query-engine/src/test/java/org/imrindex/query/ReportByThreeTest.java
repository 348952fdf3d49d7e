package org.imrindex.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.index.IngestListener;
import org.imrindex.index.IngestRequest;
import org.imrindex.index.IngestSummary;
import org.imrindex.index.Ingester;
import org.imrindex.parse.IsolatedParser;
import org.imrindex.schema.FacetDimension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report by three dimensions counts what a search filtered on the three values finds, for every
 * row, also with multi-valued dimensions; each cross table's total is what a search on the third
 * value alone finds; a fourth dimension is refused.
 */
class ReportByThreeTest {

  @TempDir
  static Path tmp;

  private static QueryIndex qi;

  @BeforeAll
  static void indexTheBundledLetters() throws IOException {
    Path letters = Path.of("..", "corpus-samples", "letters").toAbsolutePath().normalize();
    IngestSummary s = new Ingester(new IngestRequest(tmp.resolve("index"), List.of(letters), 2, 100_000, Duration.ofMinutes(10),
        IsolatedParser.Options.defaults(), AnalysisChain.MEDICAL), IngestListener.NONE).run();
    assertEquals(List.of(), s.rejected());
    qi = QueryIndex.open(tmp.resolve("index"));
  }

  @AfterAll
  static void close() throws IOException {
    qi.close();
  }

  private static long searched(Map<String, List<String>> values, String outcome) throws Exception {
    Map<String, List<String>> v = new LinkedHashMap<>(values);
    if (outcome != null) {
      v.put("outcome", List.of(outcome));
    }
    return new Searcher(qi).search(new SearchRequest(null, false, new Filters(v, Map.of()), List.of(), Level.DECISION, 0, 0,
        SearchSort.RELEVANCE)).total();
  }

  @Test
  void everyRowIsWhatTheSearchOnItsThreeValuesFinds() throws Exception {
    List<FacetDimension> by = List.of(FacetDimension.SPECIALTY, FacetDimension.LICENSURE_STATE, FacetDimension.SERVICE_CATEGORY);
    Report r = new Reporter(qi).run(new ReportRequest(by, null, false, Filters.none(), Level.DECISION, 1, ReportSort.N));
    assertEquals(47, r.total().n());
    int checked = 0;
    for (Report.Row row : r.rows()) {
      if (row.hasNone()) {
        continue;
      }
      Map<String, List<String>> v = new LinkedHashMap<>();
      for (int d = 0; d < 3; d++) {
        v.put(by.get(d).dim(), List.of(row.keys().get(d)));
      }
      assertEquals(searched(v, null), row.n(), row.keys().toString());
      assertEquals(searched(v, "upheld"), row.upheld(), row.keys().toString());
      checked++;
    }
    assertTrue(checked > 20, "rows checked: " + checked);
    // the tables' totals: the decisions of each service category, once each
    long sum = 0;
    for (Report.Row layer : r.layers()) {
      sum += layer.n();
      if (layer.keys().get(0) != null) {
        assertEquals(searched(Map.of("service_category", List.of(layer.keys().get(0))), null), layer.n(), layer.keys().toString());
      }
    }
    assertEquals(47, sum); // a single-valued third dimension: the tables add up to the total
    List<ReportPivot.Layer> layers = ReportPivot.layers(r);
    assertEquals(r.layers().size(), layers.size());
    assertEquals("pharmaceutical", layers.get(0).value()); // most decisions first
  }

  @Test
  void aFourthDimensionIsRefused() {
    List<FacetDimension> four = List.of(FacetDimension.LAYOUT, FacetDimension.OUTCOME, FacetDimension.DRUG, FacetDimension.DRUG_CLASS);
    assertThrows(IllegalArgumentException.class,
        () -> new ReportRequest(four, null, false, Filters.none(), Level.DECISION, 1, ReportSort.N));
  }
}
