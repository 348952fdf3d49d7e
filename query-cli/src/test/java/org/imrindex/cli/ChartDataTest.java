package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.imrindex.chart.ChartData;
import org.imrindex.model.LetterJson;
import org.imrindex.query.Filters;
import org.imrindex.query.Level;
import org.imrindex.query.QueryIndex;
import org.imrindex.query.Report;
import org.imrindex.query.ReportRequest;
import org.imrindex.query.ReportSort;
import org.imrindex.query.Reporter;
import org.imrindex.schema.FacetDimension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The chart data of a report holds the rows, intervals and totals of {@code imr report --format json} for the same question. */
class ChartDataTest {

  static String index;

  @BeforeAll
  static void indexTheCorpus() throws IOException {
    index = Fixtures.corpusIndex();
  }

  private static ChartData chart(int minN, Level level, String query, List<String> filters, FacetDimension... by) throws Exception {
    ReportRequest asked = new ReportRequest(List.of(by), query, false, Filters.parse(filters), level, minN, ReportSort.N);
    try (QueryIndex qi = QueryIndex.open(Path.of(index))) {
      Report full = new Reporter(qi).run(ChartData.unhidden(asked));
      return ChartData.of(full, minN);
    }
  }

  /** A row as the JSON report gives it: its keys, then n, upheld, rate, low, high (four decimals, as the JSON rounds). */
  private static String row(List<String> keys, long n, long upheld, double rate, double low, double high) {
    return keys + " " + n + " " + upheld + " " + ReportCommand.round(rate) + " " + ReportCommand.round(low) + " " + ReportCommand.round(high);
  }

  private static void assertSameAsJson(ChartData chart, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("report", "--index", index, "--format", "json"));
    all.addAll(List.of(args));
    Fixtures.Run run = Fixtures.imr(all.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    JsonNode json = LetterJson.mapper().readTree(run.out());
    String unit = chart.unit();
    Map<String, String> expected = new TreeMap<>();
    for (JsonNode r : json.get("rows")) {
      List<String> keys = new ArrayList<>();
      for (FacetDimension d : chart.request().by()) {
        keys.add(r.get(d.dim()).isNull() ? null : r.get(d.dim()).asText());
      }
      expected.put(String.valueOf(keys), row(keys, r.get(unit).asLong(), r.get("upheld").asLong(), r.get("uphold_rate").asDouble(),
          r.get("ci95_low").asDouble(), r.get("ci95_high").asDouble()));
    }
    Map<String, String> actual = new TreeMap<>();
    for (ChartData.Point p : chart.shown()) {
      actual.put(String.valueOf(p.keys()), row(p.keys(), p.n(), p.upheld(), p.rate(), p.low(), p.high()));
    }
    assertEquals(expected, actual);
    assertEquals(json.get("hidden").asInt(), chart.small(), "groups below min-n: flagged in the chart, hidden in the report");
    JsonNode t = json.get("total");
    Report.Row total = chart.total();
    assertEquals(row(List.of(), t.get(unit).asLong(), t.get("upheld").asLong(), t.get("uphold_rate").asDouble(), t.get("ci95_low").asDouble(),
        t.get("ci95_high").asDouble()), row(List.of(), total.n(), total.upheld(), total.upholdRate(), total.ciLow(), total.ciHigh()));
  }

  @Test
  void aCategoricalChartHasTheReportsRowsAndItsSmallGroupsFlagged() throws Exception {
    ChartData all = chart(1, Level.DECISION, null, List.of(), FacetDimension.DRUG_CLASS);
    assertEquals(ChartData.Kind.CATEGORICAL, all.kind());
    assertEquals(0, all.small());
    assertSameAsJson(all, "--by", "drug_class");
    // opioid: 6 of 8 upheld (ReportAndExportTest pins it from the letters); Wilson 95% by hand: 0.4093-0.9285
    ChartData.Point opioid = all.points().stream().filter(p -> "opioid".equals(p.keys().get(0))).findFirst().orElseThrow();
    assertEquals("8 6 0.4093 0.9285", opioid.n() + " " + opioid.upheld() + " " + ReportCommand.round(opioid.low()) + " " + ReportCommand.round(opioid.high()));

    ChartData min4 = chart(4, Level.DECISION, null, List.of(), FacetDimension.DRUG_CLASS);
    assertSameAsJson(min4, "--by", "drug_class", "--min-n", "4");
    assertTrue(min4.small() > 0, "some drug classes have fewer than 4 decisions");
    assertEquals(all.points().size(), min4.points().size(), "small groups are flagged, not dropped");
    assertTrue(min4.points().stream().allMatch(p -> p.small() == (p.n() < 4)));
  }

  @Test
  void aTimeChartIsOldestFirstWithTheReportsRows() throws Exception {
    ChartData months = chart(2, Level.DECISION, null, List.of(), FacetDimension.DECISION_MONTH);
    assertEquals(ChartData.Kind.TIME, months.kind());
    assertSameAsJson(months, "--by", "decision_month", "--min-n", "2");
    List<String> order = months.points().stream().map(ChartData.Point::label).toList();
    // the months of the bundled letters (ReportAndExportTest lists them), oldest first, no date last
    assertEquals(List.of("2013-10", "2013-11", "2013-12", "2014-04", "2015-11", "2019-01", "(none)"), order);
    for (FacetDimension d : List.of(FacetDimension.DECISION_QUARTER, FacetDimension.DECISION_YEAR, FacetDimension.INJURY_YEAR)) {
      assertEquals(ChartData.Kind.TIME, ChartData.kindOf(List.of(d)), d.dim());
    }
  }

  @Test
  void aTwoDimensionChartAndALetterLevelOneWithAQueryAndAFilterMatchTheReport() throws Exception {
    ChartData two = chart(2, Level.DECISION, null, List.of(), FacetDimension.SPECIALTY, FacetDimension.DRUG_CLASS);
    assertEquals(ChartData.Kind.TWO_DIMENSIONS, two.kind());
    assertSameAsJson(two, "--by", "specialty", "--by", "drug_class", "--min-n", "2");
    ChartData letters = chart(1, Level.LETTER, "pain", List.of("outcome=upheld"), FacetDimension.SERVICE_CATEGORY);
    assertSameAsJson(letters, "--by", "service_category", "--level", "letter", "--query", "pain", "--filter", "outcome=upheld");
  }
}
