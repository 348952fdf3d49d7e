package org.imrindex.analysis;

import java.io.IOException;
import java.io.Reader;
import java.nio.CharBuffer;
import java.util.Arrays;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;
import org.imrindex.text.LineBreakHyphens;

/**
 * Rejoins words that PDF extraction split with a hyphen at a line break, before tokenizing:
 * "medica-\ntion" becomes "medication", while a real compound keeps its hyphen ("long-\nterm"
 * becomes "long-term"), as decided by {@link LineBreakHyphens}. Offsets of later tokens are
 * corrected, so highlights still point at the original text. Reads its whole input on the first
 * read (a letter is at most a few megabytes); text without such a split is passed on as read.
 */
public final class HyphenationRepairCharFilter extends BaseCharFilter {

  private char[] text;
  private int length;
  private int pos;

  /** Wraps {@code in}. */
  public HyphenationRepairCharFilter(Reader in) {
    super(in);
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (text == null) {
      repair(readAll());
    }
    if (pos >= length) {
      return -1;
    }
    int n = Math.min(len, length - pos);
    System.arraycopy(text, pos, cbuf, off, n);
    pos += n;
    return n;
  }

  private CharBuffer readAll() throws IOException {
    char[] buf = new char[512]; // most texts are a paragraph: a 4,096-char first buffer, zeroed for each, showed in the profile of terms
    int n = 0;
    for (int r = input.read(buf, 0, buf.length); r != -1; r = input.read(buf, n, buf.length - n)) {
      n += r;
      if (n == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
    }
    return CharBuffer.wrap(buf, 0, n);
  }

  private void repair(CharBuffer in) {
    LineBreakHyphens.Split split = LineBreakHyphens.find(in, 0);
    if (split == null) {
      text = in.array();
      length = in.limit();
      return;
    }
    LineBreakHyphens hyphens = new LineBreakHyphens(in);
    StringBuilder out = new StringBuilder(in.limit());
    int copied = 0;
    int removed = 0;
    do {
      int tailEnd = split.tailStart();
      while (tailEnd < in.limit() && Character.isLetter(in.charAt(tailEnd))) {
        tailEnd++;
      }
      String head = in.subSequence(split.headStart(), split.hyphen()).toString();
      boolean keep = hyphens.keepHyphen(head, in.subSequence(split.tailStart(), tailEnd).toString());
      out.append(in, copied, split.hyphen());
      if (keep) {
        out.append('-');
      }
      removed += split.tailStart() - split.hyphen() - (keep ? 1 : 0);
      // from here on an output offset is `removed` characters before its input offset
      addOffCorrectMap(out.length(), removed);
      copied = split.tailStart();
      split = LineBreakHyphens.find(in, copied);
    } while (split != null);
    out.append(in, copied, in.limit());
    length = out.length();
    text = new char[length];
    out.getChars(0, length, text, 0);
  }
}
