package org.imrindex.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.index.IngestListener;
import org.imrindex.index.IngestRequest;
import org.imrindex.index.IngestSummary;
import org.imrindex.index.Ingester;
import org.imrindex.parse.IsolatedParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ranges in filters: dates, months and years as whole periods, open ends, year ranges, several ranges
 * of one field OR-ed, and what a bad range says. The counts are the bundled letters' as their
 * hand-written expected records give them: the dated letters are the notices CM13-0031572
 * (2013-10-04, 1 decision), CM13-0047203 (2013-11-18, 2), CM13-0058841 (2013-12-09, 4) and the cover
 * letters CM13-0012345 (2013-12-18, 1), CM14-0041187 (2014-04-02, 3), CM15-0203311 (2015-11-02, 2),
 * CM19-0100200 (2019-01-29, 3); the other 31 decisions state no date.
 */
class RangeFiltersTest {

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

  private static long decisions(String... filters) throws Exception {
    return new Searcher(qi).search(new SearchRequest(null, false, Filters.parse(List.of(filters)), List.of(), Level.DECISION, 0, 0,
        SearchSort.RELEVANCE)).total();
  }

  private static Filters.Range range(RangeField f, String value) throws QuerySyntaxException {
    return f.parse(value);
  }

  private static int day(String iso) {
    return (int) LocalDate.parse(iso).toEpochDay();
  }

  private static String refused(String filter) {
    return assertThrows(QuerySyntaxException.class, () -> Filters.parse(List.of(filter)), filter).getMessage();
  }

  @Test
  void dateEndsAreWholeDaysMonthsOrYears() throws Exception {
    RangeField d = RangeField.DECISION_DATE;
    assertEquals(new Filters.Range(day("2016-01-01"), day("2016-06-30")), range(d, "2016-01-01..2016-06-30"));
    assertEquals(new Filters.Range(day("2016-07-01"), day("2016-09-30")), range(d, "2016-07..2016-09"));
    assertEquals(new Filters.Range(day("2016-02-01"), day("2016-02-29")), range(d, "2016-02"));
    assertEquals(new Filters.Range(day("2015-01-01"), day("2016-12-31")), range(d, "2015..2016"));
    assertEquals(Filters.Range.atLeast(day("2016-07-01")), range(d, "2016-07.."));
    assertEquals(Filters.Range.atMost(day("2016-06-30")), range(d, "..2016-06-30"));
    assertEquals(new Filters.Range(day("2016-07-04"), day("2016-07-04")), range(d, " 2016-07-04 "));
    assertEquals("2016-07-01..2016-09-30", d.format(range(d, "2016-07..2016-09")));
    assertEquals("2016-07-01..", d.format(range(d, "2016-07..")));
    assertEquals("..2016-06-30", d.format(range(d, "..2016-06-30")));
    assertEquals("2016-07-04", d.format(range(d, "2016-07-04")));
  }

  @Test
  void yearRangesMayBeOpen() throws Exception {
    assertEquals(Filters.Range.atLeast(2015), range(RangeField.INJURY_YEAR, "2015.."));
    assertEquals(Filters.Range.atMost(2014), range(RangeField.DECISION_YEAR, "..2014"));
    assertEquals(new Filters.Range(2014, 2016), range(RangeField.DECISION_YEAR, "2014..2016"));
    assertEquals(new Filters.Range(2014, 2014), range(RangeField.INJURY_YEAR, "2014"));
    assertEquals("2015..", RangeField.INJURY_YEAR.format(Filters.Range.atLeast(2015)));
    assertEquals("2014", RangeField.INJURY_YEAR.format(new Filters.Range(2014, 2014)));
  }

  @Test
  void decisionDateFiltersCountTheDecisionsOfTheLettersDatedThen() throws Exception {
    assertEquals(5, decisions("decision_date=2013-12"));                     // CM13-0058841, CM13-0012345
    assertEquals(6, decisions("decision_date=2013-11-18..2013-12-09"));      // both ends included
    assertEquals(0, decisions("decision_date=2013-11-19..2013-12-08"));
    assertEquals(3, decisions("decision_date=2013-10..2013-11"));            // Oct 1 to Nov 30
    assertEquals(8, decisions("decision_date=2014.."));
    assertEquals(7, decisions("decision_date=..2013-12-17"));
    assertEquals(2, decisions("decision_date=2015"));
    assertEquals(16, decisions("decision_date=..2099"));                     // every dated letter, none undated
    // several ranges of one field OR, different fields AND
    assertEquals(3, decisions("decision_date=2013-10", "decision_date=2015"));
    assertEquals(2, decisions("decision_date=2013..2015", "injury_year=2014.."));  // CM15-0203311, injured 2014
  }

  @Test
  void yearFiltersTakeOpenRanges() throws Exception {
    assertEquals(5, decisions("decision_year=2014..2015"));
    assertEquals(8, decisions("decision_year=..2013"));
    assertEquals(3, decisions("decision_year=2019.."));
    // injured 2015 (CM17-0009876, 2), 2016 (CM19-0100200, 3; CM18-0077001, 1), 2017 (1)
    assertEquals(7, decisions("injury_year=2015.."));
    // injured 1989 (1), 2003 (2), 2005 (4)
    assertEquals(7, decisions("injury_year=..2005"));
    assertEquals(8, decisions("injury_year=2014..2016"));
    assertEquals(8, decisions("injury_year=2014", "injury_year=2015..2016"));
  }

  @Test
  void aBadRangeIsOneClearLine() {
    assertEquals("empty range decision_date=2016-06-30..2016-01-01: 2016-06-30 is after 2016-01-01",
        refused("decision_date=2016-06-30..2016-01-01"));
    assertEquals("empty range injury_year=2016..2014: 2016 is after 2014", refused("injury_year=2016..2014"));
    assertEquals("empty range decision_date=2016-07..2016-06-30: 2016-07 is after 2016-06-30",
        refused("decision_date=2016-07..2016-06-30"));
    String dates = "decision_date takes a date, month or year (2016-07-04, 2016-07, 2016) or a range of them such as "
        + "2016-01-01..2016-06-30, 2016-07.. or ..2016-06-30";
    assertEquals(dates + "; got '2016/07/01'", refused("decision_date=2016/07/01"));
    assertEquals(dates + "; got '..'", refused("decision_date=.."));
    assertEquals(dates + "; got '2016-01-01...2016-02-01'", refused("decision_date=2016-01-01...2016-02-01"));
    assertEquals("'2016-13' is no date; " + dates, refused("decision_date=2016-13"));
    assertEquals("'2016-02-30' is no date; " + dates, refused("decision_date=2016-02-30..2016-03"));
    assertEquals("decision_year takes a year or a range of years such as 2014..2016, 2015.. or ..2014; got '15..'",
        refused("decision_year=15.."));
    assertEquals("injury_year takes a year or a range of years such as 2014..2016, 2015.. or ..2014; got '2014-2016'",
        refused("Injury_Year=2014-2016"));
    assertEquals("age takes a number or a range such as 40..60, 60.. or ..40; got 'forty'", refused("age=forty"));
  }
}
