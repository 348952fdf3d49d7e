package org.imrindex.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.tests.analysis.MockTokenizer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrindex.text.LineBreakHyphens;

/** Line-break hyphens: syllable splits joined, compounds kept, offsets pointing at the original text. */
public class HyphenationRepairCharFilterTest extends BaseTokenStreamTestCase {

  private static String repaired(String text) throws IOException {
    try (CharFilter f = new HyphenationRepairCharFilter(new StringReader(text))) {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[3];
      for (int n = f.read(buf); n != -1; n = f.read(buf)) {
        sb.append(buf, 0, n);
      }
      return sb.toString();
    }
  }

  public void testJoinsSyllableSplitAndKeepsCompound() throws IOException {
    assertEquals("the medication is long-term use", repaired("the medica-\ntion is long-\nterm use"));
    // CRLF, a blank line and indentation between the parts
    assertEquals("functional improvement", repaired("functional improve-\r\n\r\n  ment"));
  }

  public void testKeepsHyphenWhenDocumentWritesTheCompound() throws IOException {
    // "pre-authorization" written whole elsewhere wins over the compound-head rule's "join"
    assertEquals("pre-authorization and pre-authorization", repaired("pre-authorization and pre-\nauthorization"));
    // "re" is a compound head, but the document writes "reassessment", so the split is joined
    assertEquals("reassessment then reassessment", repaired("reassessment then re-\nassessment"));
  }

  public void testLeavesOtherHyphensAlone() throws IOException {
    assertEquals("L5-S1 and 7.5mg-500mg and end-\nOf", repaired("L5-S1 and 7.5mg-500mg and end-\nOf"));
    assertEquals("", repaired(""));
    assertEquals("no hyphen at all", repaired("no hyphen at all"));
  }

  public void testTokenOffsetsPointAtTheOriginalText() throws IOException {
    String text = "the medica-\ntion is long-\nterm";
    Tokenizer t = new StandardTokenizer();
    t.setReader(new HyphenationRepairCharFilter(new StringReader(text)));
    assertTokenStreamContents(t,
        new String[] {"the", "medication", "is", "long", "term"},
        new int[] {0, 4, 17, 20, 26},
        new int[] {3, 16, 19, 24, 30},
        text.length());
  }

  /** The scan that replaced the regex finds exactly the splits the regex found, on random text. */
  public void testScanFindsTheSplitsTheRegexFinds() {
    Pattern split = Pattern.compile("(\\p{L}+)-[ \\t]*\\r?\\n\\s*(?=\\p{Ll})");
    String[] pieces = {"a", "b", "Z", "\u00e9", "\u00c9", "-", "-\n", "- \r\n", " ", "\t", "\r", "\n", "1", ".", "\f"};
    int splits = 0;
    for (int round = 0; round < 2000 * RANDOM_MULTIPLIER; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random().nextInt(30); i > 0; i--) {
        text.append(pieces[random().nextInt(pieces.length)]);
      }
      String s = text.toString();
      Matcher m = split.matcher(s);
      LineBreakHyphens.Split found = LineBreakHyphens.find(s, 0);
      while (m.find()) {
        assertNotNull(s, found);
        assertEquals(s, new LineBreakHyphens.Split(m.start(), m.end(1), m.end()), found);
        splits++;
        found = LineBreakHyphens.find(s, m.end());
      }
      assertNull(s, found);
    }
    assertTrue("random text should hold some splits: " + splits, splits > 100);
  }

  public void testRandomData() throws IOException {
    Analyzer a = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new MockTokenizer(MockTokenizer.WHITESPACE, false));
      }

      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return new HyphenationRepairCharFilter(reader);
      }
    };
    checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
    a.close();
  }
}
