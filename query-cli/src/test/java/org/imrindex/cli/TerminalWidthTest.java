package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.imrindex.model.LetterJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text output is laid out for the terminal's width: --width, else COLUMNS, else the terminal's own
 * width, else 80; tables size their columns to their values and give up the bar, then the interval,
 * before they cut a name; a wrapped hit never splits "letter" from its id.
 */
class TerminalWidthTest {

  @TempDir
  Path tmp;

  @Test
  void widthComesFromTheOptionThenColumnsThenTheTerminalElse80() {
    assertEquals(100, Terminal.width(100, "120", true, "140"));
    assertEquals(120, Terminal.width(null, "120", true, "140"));
    assertEquals(140, Terminal.width(null, null, true, "140"));
    assertEquals(140, Terminal.width(null, "", true, "140")); // an empty or bad COLUMNS is ignored
    assertEquals(140, Terminal.width(null, "wide", true, "140"));
    // piped: the terminal's width is not the output's
    assertEquals(80, Terminal.width(null, null, false, "140"));
    assertEquals(80, Terminal.width(null, null, true, ""));
    assertEquals(80, Terminal.width(null, null, true, "0"));
    // narrower than 40 is laid out as 40
    assertEquals(40, Terminal.width(10, null, false, null));
    assertEquals(40, Terminal.width(null, "12", false, null));
  }

  // every count below was worked out from the expected records of corpus-samples (seeds and samples):
  // decisions and upheld decisions per reviewer specialty or subspecialty; Wilson intervals from them

  @Test
  void aWideTerminalShowsEveryColumnAndWholeNames() throws Exception {
    Fixtures.Run run = Fixtures.imr("report", "--index", Fixtures.corpusIndex(), "--by", "specialty", "--width", "160");
    assertEquals(0, run.exit(), run.err());
    assertEquals("""
        uphold rate by specialty: 47 decisions, 32 upheld, 68.1% [95% CI 53.8-79.6]
        (specialty is multi-valued: a decision counts under each of its values, so the rows add up to more than the total)
        specialty                             decisions  upheld    rate  95% CI        share  uphold rate
        Physical Medicine and Rehabilitation         14      10   71.4%  [45.4- 88.3]  29.8%  ##############......
        Family Medicine                              12       9   75.0%  [46.8- 91.1]  25.5%  ###############.....
        Pain Medicine                                 9       4   44.4%  [18.9- 73.3]  19.1%  #########...........
        Anesthesiology                                6       4   66.7%  [30.0- 90.3]  12.8%  #############.......
        Orthopaedic Surgery                           6       3   50.0%  [18.8- 81.2]  12.8%  ##########..........
        Occupational Medicine                         4       3   75.0%  [30.1- 95.4]   8.5%  ###############.....
        Internal Medicine                             2       1   50.0%  [ 9.5- 90.5]   4.3%  ##########..........
        Neurology                                     2       1   50.0%  [ 9.5- 90.5]   4.3%  ##########..........
        Rheumatology                                  2       1   50.0%  [ 9.5- 90.5]   4.3%  ##########..........
        Sports Medicine                               2       2  100.0%  [34.2-100.0]   4.3%  ####################
        Psychologist                                  1       1  100.0%  [20.7-100.0]   2.1%  ####################
        """, run.out());
  }

  @Test
  void eightyColumnsDropTheBarAndTheIntervalAndKeepTheNames() throws Exception {
    // no --width and no terminal (COLUMNS is emptied for the tests): 80 columns, where the table with its
    // interval would take 83
    Fixtures.Run run = Fixtures.imr("report", "--index", Fixtures.corpusIndex(), "--by", "specialty", "--min-n", "9");
    assertEquals(0, run.exit(), run.err());
    assertEquals("""
        uphold rate by specialty: 47 decisions, 32 upheld, 68.1% [95% CI 53.8-79.6]
        (specialty is multi-valued: a decision counts under each of its values, so the
        rows add up to more than the total)
        specialty                             decisions  upheld   rate  share
        Physical Medicine and Rehabilitation         14      10  71.4%  29.8%
        Family Medicine                              12       9  75.0%  25.5%
        Pain Medicine                                 9       4  44.4%  19.1%
        (8 groups with fewer than 9 decisions hidden; --min-n 1 shows them)
        """, run.out());
    // with a 100.0% row the rate column is a character wider; at 80 the bar narrows before it goes
    Fixtures.Run classes = Fixtures.imr("report", "--index", Fixtures.corpusIndex(), "--by", "drug_class", "--min-n", "3");
    assertEquals("""
        uphold rate by drug_class: 47 decisions, 32 upheld, 68.1% [95% CI 53.8-79.6]
        drug_class       decisions  upheld    rate  95% CI        share  uphold rate
        opioid                   8       6   75.0%  [40.9- 92.9]  17.0%  ###########....
        muscle_relaxant          5       5  100.0%  [56.6-100.0]  10.6%  ###############
        benzodiazepine           4       4  100.0%  [51.0-100.0]   8.5%  ###############
        nsaid                    3       0    0.0%  [ 0.0- 56.1]   6.4%  ...............
        (none)                  18      11   61.1%  [38.6- 79.7]  38.3%  #########......
        (7 groups with fewer than 3 decisions hidden; --min-n 1 shows them)
        """, classes.out());
  }

  @Test
  void sixtyColumnsDropTheIntervalThenCutNames() throws Exception {
    Fixtures.Run run = Fixtures.imr("report", "--index", Fixtures.corpusIndex(), "--by", "specialty", "--min-n", "9", "--width", "60");
    assertEquals(0, run.exit(), run.err());
    assertEquals("""
        uphold rate by specialty: 47 decisions, 32 upheld, 68.1% [95% CI 53.8-79.6]
        (specialty is multi-valued: a decision counts under each of
        its values, so the rows add up to more than the total)
        specialty                    decisions  upheld   rate  share
        Physical Medicine and Reha~         14      10  71.4%  29.8%
        Family Medicine                     12       9  75.0%  25.5%
        Pain Medicine                        9       4  44.4%  19.1%
        (8 groups with fewer than 9 decisions hidden; --min-n 1
        shows them)
        """, run.out());
    // the same at 60 columns from COLUMNS' place: the width a terminal reports
    assertEquals(60, Terminal.width(null, null, true, "60"));
  }

  @Test
  void aPivotCutsNamesOnlyWhenItDoesNotFit() throws Exception {
    String index = Fixtures.corpusIndex();
    Fixtures.Run wide = Fixtures.imr("report", "--index", index, "--by", "specialty", "--by", "outcome", "--width", "160");
    assertEquals(0, wide.exit(), wide.err());
    assertEquals("""
        uphold rate by specialty x outcome: 47 decisions, 32 upheld, 68.1% [95% CI 53.8-79.6]
        (specialty is multi-valued: a decision counts under each of its values, so the rows add up to more than the total)
        specialty                             upheld  overturned  decisions
        Physical Medicine and Rehabilitation      10           4         14
        Family Medicine                            9           3         12
        Pain Medicine                              4           5          9
        Anesthesiology                             4           2          6
        Orthopaedic Surgery                        3           3          6
        Occupational Medicine                      3           1          4
        Internal Medicine                          1           1          2
        Neurology                                  1           1          2
        Rheumatology                               1           1          2
        Sports Medicine                            2           -          2
        Psychologist                               1           -          1
        """, wide.out());
    Fixtures.Run narrow = Fixtures.imr("report", "--index", index, "--by", "specialty", "--by", "outcome", "--width", "40");
    assertEquals(0, narrow.exit(), narrow.err());
    // 40 columns: the column headers are cut to their numbers' width first, then the names
    assertEquals("""
        uphold rate by specialty x outcome: 47 decisions, 32 upheld, 68.1% [95% CI 53.8-79.6]
        (specialty is multi-valued: a decision
        counts under each of its values, so the
        rows add up to more than the total)
        specialty         upheld  overt~  decis~
        Physical Medici~      10       4      14
        Family Medicine        9       3      12
        Pain Medicine          4       5       9
        Anesthesiology         4       2       6
        Orthopaedic Sur~       3       3       6
        Occupational Me~       3       1       4
        Internal Medici~       1       1       2
        Neurology              1       1       2
        Rheumatology           1       1       2
        Sports Medicine        2       -       2
        Psychologist           1       -       1
        """, narrow.out());
  }

  @Test
  void aWrappedHitKeepsLetterAndItsIdTogether() throws Exception {
    Path letters = Fixtures.seedsAndALetterWithWarning(tmp);
    String index = tmp.resolve("index").toString();
    assertEquals(0, Fixtures.imr("index", "--index", index, "--quiet", letters.toString()).exit());
    JsonNode json = LetterJson.mapper().readTree(Fixtures.imr("search", "--index", index, "--filter", "parse_warnings=some",
        "--format", "json").out());
    String id = json.get("hits").get(0).get("letter_id").asText().substring(0, 12);
    Fixtures.Run run = Fixtures.imr("search", "--index", index, "--filter", "parse_warnings=some", "--width", "60");
    assertEquals(0, run.exit(), run.err());
    // the line naming the letter is never wrapped (the imr show command at its end is copied whole), so "letter"
    // stays with its id; the details after it wrap at 60 columns between words, names whole
    assertEquals("""
        2 decisions match (showing 1-2)

          1. upheld      Tramadol 50mg #90
             letter %1$s | no date | imr show --index %2$s %1$s
             pharmaceutical | tramadol (opioid) |
             Orthopaedic Surgery | OR WA
             warning: decision 2: item heading not found before 'Overturned'

          2. overturned\s\s
             letter %1$s | no date | imr show --index %2$s %1$s
             other | Orthopaedic Surgery | OR WA
             warning: decision 2: item heading not found before 'Overturned'
        """.formatted(id, index), run.out());
  }
}
