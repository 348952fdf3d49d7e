package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.imrindex.query.TermsResult;
import org.junit.jupiter.api.Test;

/** The terms table: counts grouped, the term column as wide as its longest term, terms cut only when the width needs it. */
class TermsLayoutTest {

  // a hand-made result: the layout alone is under test
  private static final TermsResult RESULT = new TermsResult("overturned", "upheld", 1_204, 10_978, 51_009, 487_730,
      List.of(new TermsResult.TermScore("functional improvement documented", 130, 1_403, 1.5, 11.094),
          new TermsResult.TermScore("4 a's", 12, 40, 0.5, 2.5)),
      List.of(new TermsResult.TermScore("not medically", 0, 10_978, -2.0, -10.02)), 1_012, List.of("the patient", "medical records",
          "request", "guidelines"));

  private static String print(int width) throws Exception {
    StringWriter s = new StringWriter();
    TermsCommand.print(RESULT, SummaryFormat.TEXT, width, new PrintWriter(s));
    return s.toString();
  }

  @Test
  void wideEnoughTheTermsAreWhole() throws Exception {
    assertEquals("""
        overturned: 1,204 decisions (51,009 words)   upheld: 10,978 decisions (487,730 words)
        left out as the letters' template: 1,012 terms ("the patient", "medical records", "request", …)

        typical of overturned               overturned     upheld        z
          functional improvement documented        130      1,403    11.09
          4 a's                                     12         40     2.50

        typical of upheld                   overturned     upheld        z
          not medically                              0     10,978   -10.02
        """, print(160));
    assertEquals(print(160), print(80)); // the table takes 66 columns
  }

  @Test
  void narrowTheTermsAreCut() throws Exception {
    // 50 columns: the term column gives up the 16 it is over, 33 -> 17
    assertEquals("""
        overturned: 1,204 decisions (51,009 words)   upheld: 10,978 decisions (487,730 words)
        left out as the letters' template: 1,012 terms ("the patient", "medical records", "request", …)

        typical of overtur~ overturned     upheld        z
          functional impro~        130      1,403    11.09
          4 a's                     12         40     2.50

        typical of upheld   overturned     upheld        z
          not medically              0     10,978   -10.02
        """, print(50));
  }
}
