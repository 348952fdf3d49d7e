package org.imrindex.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** Dosage and quantity expressions split into parts with their own offsets and consecutive positions. */
public class DosageSplitFilterTest extends BaseTokenStreamTestCase {

  private final Analyzer analyzer = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer t = new StandardTokenizer();
      return new TokenStreamComponents(t, new DosageSplitFilter(new LowerCaseFilter(t)));
    }
  };

  @Override
  public void tearDown() throws Exception {
    analyzer.close();
    super.tearDown();
  }

  public void testNorcoWithStrengthAndQuantity() throws IOException {
    assertAnalyzesTo(analyzer, "Norco 10/325mg#120",
        new String[] {"norco", "10", "325", "mg", "120"},
        new int[] {0, 6, 9, 12, 15},
        new int[] {5, 8, 12, 14, 18},
        new String[] {"<ALPHANUM>", "<NUM>", "<NUM>", "<ALPHANUM>", "<NUM>"},
        new int[] {1, 1, 1, 1, 1},
        new int[] {1, 1, 1, 1, 1});
  }

  public void testDecimalsRangesRatesAndTimes() throws IOException {
    assertAnalyzesTo(analyzer, "7.5mg-500mg", new String[] {"7.5", "mg", "500", "mg"},
        new int[] {0, 3, 6, 9}, new int[] {3, 5, 9, 11});
    assertAnalyzesTo(analyzer, "100mcg/hr", new String[] {"100", "mcg", "hr"},
        new int[] {0, 3, 7}, new int[] {3, 6, 9});
    assertAnalyzesTo(analyzer, "2x6 Qty 90", new String[] {"2", "x", "6", "qty", "90"},
        new int[] {0, 1, 2, 4, 8}, new int[] {1, 2, 3, 7, 10});
  }

  public void testThousandsSeparatorsDropped() throws IOException {
    assertAnalyzesTo(analyzer, "1,000 mg and 2,500mg", new String[] {"1000", "mg", "and", "2500", "mg"},
        new int[] {0, 6, 9, 13, 18}, new int[] {5, 8, 12, 18, 20});
  }

  public void testWordsAndPlainNumbersPassThrough() throws IOException {
    assertAnalyzesTo(analyzer, "long-term 7.5 tablets", new String[] {"long", "term", "7.5", "tablets"},
        new int[] {0, 5, 10, 14}, new int[] {4, 9, 13, 21});
  }

  public void testPositionIncrementOfTheFirstPartIsKept() throws IOException {
    Analyzer stopping = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer t = new StandardTokenizer();
        return new TokenStreamComponents(t, new DosageSplitFilter(
            new org.apache.lucene.analysis.StopFilter(new LowerCaseFilter(t), org.apache.lucene.analysis.CharArraySet.copy(java.util.Set.of("the")))));
      }
    };
    assertAnalyzesTo(stopping, "take the 5mg", new String[] {"take", "5", "mg"}, new int[] {1, 2, 1});
    stopping.close();
  }

  public void testEmptyInput() throws IOException {
    assertAnalyzesTo(analyzer, "", new String[0]);
    assertAnalyzesTo(analyzer, " / # ", new String[0]);
  }

  public void testRandomData() throws IOException {
    checkRandomData(random(), analyzer, 500 * RANDOM_MULTIPLIER);
  }

  public void testRandomDosageLikeData() throws IOException {
    checkRandomData(random(), analyzer, 200 * RANDOM_MULTIPLIER, 40, false, false);
    for (int i = 0; i < 200; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < 8; j++) {
        sb.append(random().nextInt(1000)).append(random().nextBoolean() ? "mg" : "x").append(random().nextBoolean() ? "/" : " ");
      }
      checkAnalysisConsistency(random(), analyzer, random().nextBoolean(), sb.toString());
    }
  }
}
