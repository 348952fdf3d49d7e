package org.imrindex.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Splits tokens that mix digits and letters at each change between them, so dosage and quantity
 * expressions are searchable by their parts: "325mg" gives 325, mg; "7.5mg" gives 7.5, mg; "2x6"
 * gives 2, x, 6; "100mcg" gives 100, mcg. Numbers keep their decimal point ("7.5") and lose their
 * thousands separators ("1,000" gives 1000). The parts follow each other, so the whole expression
 * is a phrase of its parts: the query "10/325mg" finds "10/325 mg" and "10/325mg" alike. Each part
 * gets its own offsets (the token's own when a char filter changed its length). Expects lowercase
 * input from a tokenizer that keeps alphanumerics whole, such as the StandardTokenizer.
 */
public final class DosageSplitFilter extends TokenFilter {

  /** Token type of a number part. */
  public static final String NUM = "<NUM>";
  /** Token type of a letter part. */
  public static final String WORD = "<ALPHANUM>";

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);

  private char[] token = new char[32];
  private int length;
  private int next;
  private int start;
  private int end;
  private boolean exactOffsets;
  private State state;

  /** Splits the tokens of {@code input}. */
  public DosageSplitFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (next < length) {
      restoreState(state);
      emitPart();
      posInc.setPositionIncrement(1);
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    if (!mixed(term.buffer(), term.length()) && !hasThousands(term.buffer(), term.length())) {
      return true;
    }
    if (token.length < term.length()) {
      token = new char[term.length()];
    }
    length = term.length();
    System.arraycopy(term.buffer(), 0, token, 0, length);
    start = offset.startOffset();
    end = offset.endOffset();
    exactOffsets = end - start == length;
    next = 0;
    state = captureState();
    emitPart();
    return true;
  }

  /** True when the term has both a letter and a digit. */
  private static boolean mixed(char[] b, int len) {
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i < len; i++) {
      char c = b[i];
      if (Character.isDigit(c)) {
        digit = true;
      } else if (Character.isLetter(c)) {
        letter = true;
      }
      if (letter && digit) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasThousands(char[] b, int len) {
    for (int i = 1; i + 1 < len; i++) {
      if (b[i] == ',' && Character.isDigit(b[i - 1]) && Character.isDigit(b[i + 1])) {
        return true;
      }
    }
    return false;
  }

  /** Emits the run that starts at {@code next} (skipping any separators) and moves past it. */
  private void emitPart() {
    int i = next;
    while (i < length && !Character.isLetterOrDigit(token[i])) {
      i++;
    }
    int from = i;
    boolean digits = i < length && Character.isDigit(token[i]);
    term.setEmpty();
    while (i < length) {
      char c = token[i];
      boolean inNumber = digits && (c == '.' || c == ',') && i + 1 < length && Character.isDigit(token[i + 1]) && i > from;
      if (digits ? !(Character.isDigit(c) || inNumber) : !Character.isLetter(c)) {
        break;
      }
      if (c != ',') {
        term.append(c);
      }
      i++;
    }
    int to = i;
    // skip trailing separators so that next == length once the last part is out
    while (i < length && !Character.isLetterOrDigit(token[i])) {
      i++;
    }
    next = i;
    if (exactOffsets) {
      offset.setOffset(start + from, start + to);
    } else {
      offset.setOffset(start, end);
    }
    type.setType(digits ? NUM : WORD);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    length = 0;
    next = 0;
    state = null;
  }
}
