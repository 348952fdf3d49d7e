package org.imrindex.analysis;

import java.io.IOException;
import java.io.Reader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;
import org.imrindex.text.LineBreakHyphens;

/**
 * Rejoins words that PDF extraction split with a hyphen at a line break, before tokenizing:
 * "medica-\ntion" becomes "medication", while a real compound keeps its hyphen ("long-\nterm"
 * becomes "long-term"), as decided by {@link LineBreakHyphens}. Offsets of later tokens are
 * corrected, so highlights still point at the original text. Reads its whole input on the first
 * read (a letter is at most a few megabytes).
 */
public final class HyphenationRepairCharFilter extends BaseCharFilter {

  /** A word, a hyphen, the line break (with any blank lines), then a lowercase continuation. */
  private static final Pattern SPLIT = Pattern.compile("(\\p{L}+)-[ \\t]*\\r?\\n\\s*(?=\\p{Ll})");
  private static final Pattern TAIL = Pattern.compile("\\p{L}+");

  private String repaired;
  private int pos;

  /** Wraps {@code in}. */
  public HyphenationRepairCharFilter(Reader in) {
    super(in);
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (repaired == null) {
      repaired = repair(readAll());
    }
    if (pos >= repaired.length()) {
      return -1;
    }
    int n = Math.min(len, repaired.length() - pos);
    repaired.getChars(pos, pos + n, cbuf, off);
    pos += n;
    return n;
  }

  private String readAll() throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    for (int n = input.read(buf); n != -1; n = input.read(buf)) {
      sb.append(buf, 0, n);
    }
    return sb.toString();
  }

  private String repair(String text) {
    if (text.indexOf('-') < 0) {
      return text;
    }
    Matcher m = SPLIT.matcher(text);
    if (!m.find()) {
      return text;
    }
    LineBreakHyphens hyphens = new LineBreakHyphens(text);
    Matcher tail = TAIL.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    int removed = 0;
    do {
      tail.find(m.end());
      boolean keep = hyphens.keepHyphen(m.group(1), tail.group());
      out.append(text, copied, m.end(1));
      if (keep) {
        out.append('-');
      }
      removed += m.end() - m.end(1) - (keep ? 1 : 0);
      // from here on an output offset is `removed` characters before its input offset
      addOffCorrectMap(out.length(), removed);
      copied = m.end();
    } while (m.find());
    out.append(text, copied, text.length());
    return out.toString();
  }
}
