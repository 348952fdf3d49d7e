package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reason dimension on nine real letters (19 decisions) whose reasons both hand-labelling passes gave
 * alike (corpus-samples/expected/reasons/dev): every count below is counted from those labels by hand,
 * the drug classes from the letters' expected records (corpus-samples/expected/real-letters). A decision
 * with no reason (CM16-0247274's derivative and already-authorised items) is {@code none}.
 */
class ReasonFacetTest {

  /** The letters, each with its decisions' labelled reasons. */
  static final List<String> LETTERS = List.of(
      "CM16-0240524", // diazepam (benzodiazepine): not_recommended, indications_not_met
      "CM16-0249170", // pantoprazole (ppi): no_documented_benefit, indications_not_met
      "CM17-0005412", // Lorzone (muscle_relaxant): first_line_not_tried
      "CM16-0240434", // knee MRI, overturned: criteria_met
      "CM16-0235869", // six physical-medicine items: no_documented_benefit, request_incomplete, insufficient_documentation; the 3rd not_recommended too
      "CM16-0247274", // neuroplasty: first_line_not_tried, not_recommended, insufficient_documentation; two ESIs: first_line_not_tried,
                      // indications_not_met; the neurolytic injection and the two PT items: none
      "CM16-0232182", // chiropractic referral: no_documented_benefit
      "CM17-0005177", // physical therapy: no_documented_benefit
      "CM17-0007151"); // lumbar ESI: indications_not_met

  @TempDir
  static Path tmp;

  private static String index;

  @BeforeAll
  static void indexTheLetters() throws IOException {
    Path letters = Files.createDirectories(tmp.resolve("letters"));
    for (String c : LETTERS) {
      Files.copy(Fixtures.corpus().resolve("real-letters").resolve(c + ".txt"), letters.resolve(c + ".txt"));
    }
    index = tmp.resolve("index").toString();
    Fixtures.Run run = Fixtures.imr("index", "--index", index, "--quiet", letters.toString());
    assertEquals(0, run.exit(), run.err());
  }

  @Test
  void reportByReasonCountsEachDecisionUnderEachOfItsReasons() {
    Fixtures.Run run = Fixtures.imr("report", "--index", index, "--by", "reason", "--min-n", "1");
    assertEquals(0, run.exit(), run.err());
    assertEquals("""
        uphold rate by reason: 19 decisions, 18 upheld, 94.7% [95% CI 75.4-99.1]
        (reason is multi-valued: a decision counts under each of its values, so the rows
        add up to more than the total)
        reason                      decisions  upheld    rate  95% CI        share
        no_documented_benefit               9       9  100.0%  [70.1-100.0]  47.4%
        insufficient_documentation          7       7  100.0%  [64.6-100.0]  36.8%
        request_incomplete                  6       6  100.0%  [61.0-100.0]  31.6%
        indications_not_met                 5       5  100.0%  [56.6-100.0]  26.3%
        first_line_not_tried                4       4  100.0%  [51.0-100.0]  21.1%
        none                                3       3  100.0%  [43.9-100.0]  15.8%
        not_recommended                     3       3  100.0%  [43.9-100.0]  15.8%
        criteria_met                        1       0    0.0%  [ 0.0- 79.3]   5.3%
        """, run.out());
  }

  @Test
  void reportByReasonAndDrugClassCrossesThem() {
    Fixtures.Run run = Fixtures.imr("report", "--index", index, "--by", "reason", "--by", "drug_class", "--min-n", "1");
    assertEquals(0, run.exit(), run.err());
    assertEquals("""
        uphold rate by reason x drug_class: 19 decisions, 18 upheld, 94.7% [95% CI 75.4-99.1]
        (reason is multi-valued: a decision counts under each of its values, so the rows
        add up to more than the total)
        reason x drug_class                     decisions  upheld    rate  share
        first_line_not_tried / muscle_relaxant          1       1  100.0%   5.3%
        indications_not_met / benzodiazepine            1       1  100.0%   5.3%
        indications_not_met / ppi                       1       1  100.0%   5.3%
        no_documented_benefit / ppi                     1       1  100.0%   5.3%
        not_recommended / benzodiazepine                1       1  100.0%   5.3%
        no_documented_benefit / (none)                  8       8  100.0%  42.1%
        insufficient_documentation / (none)             7       7  100.0%  36.8%
        request_incomplete / (none)                     6       6  100.0%  31.6%
        first_line_not_tried / (none)                   3       3  100.0%  15.8%
        indications_not_met / (none)                    3       3  100.0%  15.8%
        none / (none)                                   3       3  100.0%  15.8%
        not_recommended / (none)                        2       2  100.0%  10.5%
        criteria_met / (none)                           1       0    0.0%   5.3%
        """, run.out());
  }

  @Test
  void aFilterOnReasonFindsItsDecisionsAndNoneTheDecisionsWithoutOne() {
    Fixtures.Run none = Fixtures.imr("search", "--index", index, "--filter", "reason=none");
    assertEquals(0, none.exit(), none.err());
    assertEquals("""
        3 decisions match (showing 1-3)

          1. upheld      Injection of neurolytic substance, lumbar spine
             CM16-0247274 | decided 2017-02-03 | imr show --index INDEX CM16-0247274
             injection | Orthopaedic Surgery | TX CA NM

          2. upheld      Physical therapy evaluation, cervical and thoracic spine
             CM16-0247274 | decided 2017-02-03 | imr show --index INDEX CM16-0247274
             physical_medicine | Orthopaedic Surgery | TX CA NM

          3. upheld      Physical therapy, 6 sessions, cervical and thoracic spine
             CM16-0247274 | decided 2017-02-03 | imr show --index INDEX CM16-0247274
             physical_medicine | Orthopaedic Surgery | TX CA NM
        """, none.out().replace(index, "INDEX"));

    Fixtures.Run met = Fixtures.imr("report", "--index", index, "--by", "service_category", "--filter", "reason=criteria_met",
        "--min-n", "1");
    assertEquals(0, met.exit(), met.err());
    assertEquals("""
        uphold rate by service_category: 1 decision, 0 upheld, 0.0% [95% CI 0.0-79.3]
        service_category    decisions  upheld  rate  95% CI         share  uphold rate
        diagnostic_imaging          1       0  0.0%  [ 0.0- 79.3]  100.0%  .............
        """, met.out());
  }

  @Test
  void aTypoInTheValueListsTheNineCodesAndNone() {
    Fixtures.Run typo = Fixtures.imr("search", "--index", index, "--filter", "reason=criteria");
    assertEquals(2, typo.exit());
    assertEquals("imr: no decision has reason=criteria; values are: criteria_met, exceeds_guideline_limit, first_line_not_tried, "
        + "indications_not_met, insufficient_documentation, monitoring_missing, no_documented_benefit, none, not_recommended, "
        + "request_incomplete\n", typo.err());
  }

  @Test
  void showPrintsEachReasonWithTheSentenceThatGaveIt() {
    Fixtures.Run run = Fixtures.imr("show", "--index", index, "CM17-0005412");
    assertEquals(0, run.exit(), run.err());
    // the labels' evidence: "The patient has used baclofen but is not documented to have failed other muscle relaxants."
    assertTrue(run.out().contains("""
          reason first_line_not_tried, from:
            The patient has used baclofen but is not documented to have failed other
            muscle relaxants.
          rationale:
        """), run.out());
    Fixtures.Run none = Fixtures.imr("show", "--index", index, "CM16-0247274");
    assertEquals(0, none.exit(), none.err());
    assertEquals(3, none.out().split("  reasons: none read from the rationale\n", -1).length - 1, none.out());
  }
}
