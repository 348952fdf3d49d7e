package org.imrindex.text;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides how a word hyphenated across a line break is rejoined: without the hyphen when it was a
 * syllable split ("medica-" + "tion" gives medication), with it when the pair is a real compound
 * ("long-" + "term" gives long-term). The evidence is the document's own vocabulary (a joined form
 * written elsewhere in it wins), then a list of first parts that make compounds. Pure Java, shared
 * by the parser's text cleaner and the analyzers' character filter.
 */
public final class LineBreakHyphens {

  /** First parts that make a real compound rather than a syllable split ("long-term"). */
  private static final Set<String> COMPOUND_HEADS = Set.of(
      "non", "anti", "long", "short", "self", "well", "post", "pre", "co", "ex", "multi", "follow",
      "x", "full", "part", "first", "second", "third", "one", "two", "three", "low", "high", "left",
      "right", "bi", "semi", "mid", "over", "under", "re", "de", "sub", "inter", "intra", "extra",
      "counter", "cross", "on", "off", "up", "all", "half", "quasi", "ultra", "work", "age",
      "time", "dose", "opioid", "drug", "pain", "evidence", "non-steroidal", "end", "day", "year",
      "week", "month", "in", "out", "hands", "home", "case", "medically", "so", "user", "side",
      "trial", "weight", "life", "range", "step", "first-line", "second-line", "peer", "of", "and", "to", "by", "at");

  /** Combining forms written solid ("electromyography", "neuropathic"): a hyphen after them is a split. */
  private static final Set<String> GLUED_HEADS = Set.of(
      "electro", "neuro", "myo", "psycho", "physio", "ortho", "cardio", "gastro", "osteo", "arthro", "radio",
      "thermo", "hydro", "chiro", "musculo", "sacro", "lumbo", "cervico", "thoraco", "radicul", "medica", "medi");

  /** Tails that are word endings, not words: what a syllable split leaves on the next line. */
  private static final Pattern SUFFIX = Pattern.compile(
      "(?:tions?|ations?|tations?|itions?|sions?|ments?|ness|ities|ity|ings?|ally|ously|ous|ical|ic|ive|able|ible|ance|ence|ants?|ents?|"
          + "opathy|pathy|graphy|ology|ogram|osis|itis|ular|ized?|ization|ated?|ately|ture|tures)");

  /**
   * A word split at a line break: the head's letters start at {@code headStart}, its hyphen is at
   * {@code hyphen}, and the lowercase continuation starts at {@code tailStart} (after the line break
   * and any blank lines or indentation).
   */
  public record Split(int headStart, int hyphen, int tailStart) {}

  private final CharSequence document;
  private Set<String> words;

  /** Decisions for words of {@code document}; its vocabulary is read on the first question only. */
  public LineBreakHyphens(CharSequence document) {
    this.document = document;
  }

  /** True to keep the hyphen between {@code head} and {@code tail}, false to join them. */
  public boolean keepHyphen(String head, String tail) {
    String h = head.toLowerCase(Locale.ROOT);
    String t = tail.toLowerCase(Locale.ROOT);
    String joined = h + t;
    Set<String> words = vocabulary();
    if (words.contains(joined) || words.contains(joined + "s")
        || (joined.endsWith("s") && words.contains(joined.substring(0, joined.length() - 1)))) {
      return false;
    }
    if (words.contains(h + "-" + t) || COMPOUND_HEADS.contains(h) || h.length() == 1) {
      return true;
    }
    if (GLUED_HEADS.contains(h) || t.length() <= 3 || SUFFIX.matcher(t).matches()) {
      return false; // "electro-" + "myography", "thera-" + "py", "documen-" + "tation"
    }
    // letters are typed, not typeset: a line-end hyphen between two words is mostly the writer's own
    // ("hand-" + "wrist", "active-" + "passive", "peer-" + "reviewed")
    return true;
  }

  /**
   * The first split at or after {@code from}: letters, a hyphen, spaces or tabs, a line break (LF or
   * CRLF), any white space, then a lowercase letter; null if there is none. A plain scan from hyphen to
   * hyphen: the text of a letter has hundreds of hyphens and almost never such a split.
   */
  public static Split find(CharSequence text, int from) {
    int n = text.length();
    for (int h = indexOf(text, '-', from); h >= 0; h = indexOf(text, '-', h + 1)) {
      int start = Math.max(from, letterRunStart(text, h));
      if (start == h) {
        continue;
      }
      int i = h + 1;
      while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      if (i < n && text.charAt(i) == '\r') {
        i++;
      }
      if (i >= n || text.charAt(i) != '\n') {
        continue;
      }
      i++;
      while (i < n && isSpace(text.charAt(i))) {
        i++;
      }
      if (i < n && Character.getType(text.charAt(i)) == Character.LOWERCASE_LETTER) {
        return new Split(start, h, i);
      }
    }
    return null;
  }

  /** Where the run of letters that ends just before {@code end} starts ({@code end} itself if none). */
  public static int letterRunStart(CharSequence text, int end) {
    int start = end;
    while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
      start--;
    }
    return start;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static int indexOf(CharSequence text, char c, int from) {
    if (text instanceof String s) {
      return s.indexOf(c, from);
    }
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private Set<String> vocabulary() {
    if (words == null) {
      words = words(document);
    }
    return words;
  }

  /**
   * The document's words, lowercased: runs of letters joined by single hyphens ("long-term"), as
   * the pattern {@code \p{L}+(?:-\p{L}+)*} finds them one after another, in a plain scan (the
   * pattern's matcher was a twentieth of the parse time).
   */
  static Set<String> words(CharSequence text) {
    Set<String> out = new HashSet<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c < 0x80) {
        if (!isAsciiLetter(c)) {
          i++;
          continue;
        }
      } else {
        int cp = Character.codePointAt(text, i);
        if (!Character.isLetter(cp)) {
          i += Character.charCount(cp);
          continue;
        }
      }
      int start = i;
      i = afterLetters(text, i);
      while (i + 1 < n && text.charAt(i) == '-' && isLetterAt(text, i + 1)) {
        i = afterLetters(text, i + 1);
      }
      out.add(text.subSequence(start, i).toString().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static int afterLetters(CharSequence text, int i) {
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c < 0x80) {
        if (!isAsciiLetter(c)) {
          break;
        }
        i++;
        continue;
      }
      int cp = Character.codePointAt(text, i);
      if (!Character.isLetter(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isLetterAt(CharSequence text, int i) {
    char c = text.charAt(i);
    return c < 0x80 ? isAsciiLetter(c) : Character.isLetter(Character.codePointAt(text, i));
  }
}
