package org.imrindex.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rationale's sentences as the template share compares them. A sentence ends at {@code .}, {@code !}
 * or {@code ?} (and any closing quote or bracket) followed by white space and a capital, a digit, a
 * quote or a bracket, except after an abbreviation ("Dr.", "e.g.", "No.", "p.") or a single letter.
 * Sentences are compared normalized: lowercase; a month name before a number masked ({@code #}), so
 * "November 8, 2016" and "July 28, 2016" are the same; every run of digits masked ({@code 0}), so
 * doses, quantities, page numbers and dates in figures do not tell boilerplate apart; white space
 * collapsed. Each normalized sentence is kept as a 64-bit hash (collisions are negligible at millions
 * of sentences).
 */
public final class RationaleSentences {

  private RationaleSentences() {}

  private static final Pattern END = Pattern.compile("[.!?]+[\"')\\]]*\\s+(?=[A-Z0-9\"(\\[])");
  private static final Set<String> ABBREVIATIONS =
      Set.of("dr", "mr", "mrs", "ms", "e.g", "i.e", "vs", "no", "p", "pp", "fig", "st", "jr", "sr", "approx", "etc");
  private static final Pattern LEADING = Pattern.compile("^[^\\p{L}]+");

  /** The sentences of {@code text} as written (stripped), in order; none for a blank text. */
  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    Matcher m = END.matcher(text);
    int start = 0;
    while (m.find()) {
      String before = text.substring(start, m.start()).strip();
      int space = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\n'));
      String word = LEADING.matcher(before.substring(space + 1)).replaceFirst("").toLowerCase(Locale.ROOT);
      if (ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isLetter(word.charAt(0)))) {
        continue;
      }
      add(out, text.substring(start, m.end()));
      start = m.end();
    }
    add(out, text.substring(start));
    return out;
  }

  private static void add(List<String> out, String sentence) {
    String s = sentence.strip();
    if (!s.isEmpty()) {
      out.add(s);
    }
  }

  /** A sentence as compared: lowercase, months before a number and digit runs masked, white space collapsed. */
  public static String normalize(String sentence) {
    StringBuilder out = new StringBuilder(sentence.length());
    normalize(sentence, out);
    return out.toString();
  }

  private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

  /**
   * {@link #normalize(String)} into {@code out}, in one pass (regular expressions cost as much as the
   * rest of indexing a rationale): a month name that starts a word, optionally followed by a period,
   * then one space and a digit, becomes {@code "# "}; each run of digits one {@code 0}; each run of
   * white space one space, none at either end.
   */
  static void normalize(String sentence, StringBuilder out) {
    String s = sentence.toLowerCase(Locale.ROOT);
    int n = s.length();
    boolean space = false;
    for (int i = 0; i < n; ) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        space = out.length() > 0;
        i++;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      if (c >= '0' && c <= '9') {
        out.append('0');
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          i++;
        }
        continue;
      }
      if (Character.isLetter(c) && (i == 0 || !isWordChar(s.charAt(i - 1)))) {
        int end = i;
        while (end < n && Character.isLetter(s.charAt(end))) {
          end++;
        }
        int after = end < n && s.charAt(end) == '.' ? end + 1 : end;
        if (end - i >= 3 && after + 1 < n && s.charAt(after) == ' ' && s.charAt(after + 1) >= '0' && s.charAt(after + 1) <= '9'
            && (end >= n || !isWordChar(s.charAt(end))) && MONTHS.contains(s.substring(i, end))) {
          out.append("# ");
          i = after + 1;
          continue;
        }
        out.append(s, i, end);
        i = end;
        continue;
      }
      out.append(c);
      i++;
    }
  }

  /** A character a regular expression word boundary counts as part of a word: letter, digit or underscore. */
  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** The hash of each sentence of {@code text}, normalized, in order (a repeated sentence repeats its hash). */
  public static long[] hashes(String text) {
    List<String> sentences = split(text);
    long[] out = new long[sentences.size()];
    StringBuilder normalized = new StringBuilder();
    for (int i = 0; i < out.length; i++) {
      normalized.setLength(0);
      normalize(sentences.get(i), normalized);
      out[i] = hash(normalized);
    }
    return out;
  }

  /** A 64-bit hash of a normalized sentence: FNV-1a over its chars, then a final mix (MurmurHash3's fmix64). */
  public static long hash(CharSequence normalized) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < normalized.length(); i++) {
      h ^= normalized.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
