package org.imrindex.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrindex.text.LineBreakHyphens;

/**
 * Removes the artefacts of PDF text extraction and returns the letter's non-blank lines: odd
 * characters (ligatures, curly quotes, non-breaking spaces, soft hyphens), page footers, headers
 * repeated on every page, and words hyphenated across a line break. Stateless and thread-safe.
 */
final class TextCleaner {

  /** Form feed: the page separator of the extracted text. */
  static final char PAGE_BREAK = '\f';

  private static final Pattern PAGE_OF = Pattern.compile("(?i)\\s*\\bpage\\s+\\d{1,3}\\s+of\\s+\\d{1,3}\\s*$");
  private static final Pattern PAGE_ONLY = Pattern.compile("(?i)^(?:page\\s+\\d{1,3}|-\\s*\\d{1,3}\\s*-|\\d{1,3}\\s+of\\s+\\d{1,3})$");
  private static final Pattern CASE_HEADER = Pattern.compile(
      "(?i)^(?:(?:IMR\\s+)?case\\s*(?:number|no\\.?|#)\\s*:?\\s*)?CM\\d{2}-\\d{7}$");
  private static final Pattern LEADING_WORD = Pattern.compile("^(\\p{Ll}\\p{L}*)([.,;:)]*)(?:\\s+|$)");
  /** A first token that starts with a capital or a digit: no syllable split continues so ("10-28-" + "2016"). */
  private static final Pattern LEADING_CAPITAL_OR_DIGIT = Pattern.compile("^([\\p{Lu}\\d]\\S*)(?:\\s+|$)");


  /** The result: cleaned non-blank lines, and the page count if the text showed page breaks. */
  record Cleaned(List<String> lines, Integer pages) {}

  Cleaned clean(String raw) {
    String normalized = normalizeChars(raw);
    List<List<String>> pages = new ArrayList<>();
    for (String page : normalized.split(String.valueOf(PAGE_BREAK), -1)) {
      List<String> lines = new ArrayList<>();
      for (String line : page.split("\n", -1)) {
        String l = collapse(line);
        if (!l.isEmpty()) {
          lines.add(l);
        }
      }
      pages.add(lines);
    }
    while (pages.size() > 1 && pages.get(pages.size() - 1).isEmpty()) {
      pages.remove(pages.size() - 1);
    }
    Integer pageCount = pages.size() > 1 ? pages.size() : null;
    Set<String> repeated = repeatedPageEdges(pages);
    Set<String> continuationHeads = continuationPageHeads(pages);
    List<String> out = new ArrayList<>();
    Set<String> seenRepeated = new HashSet<>();
    Integer footerTotal = null;
    for (List<String> page : pages) {
      for (String line : page) {
        String l = line;
        // a footer ends in a digit: testing that first spares most lines the regex scan
        if (Character.isDigit(line.charAt(line.length() - 1))) {
          Matcher pageOf = PAGE_OF.matcher(line);
          if (pageOf.find()) {
            footerTotal = totalOf(pageOf.group());
            l = line.substring(0, pageOf.start()).strip();
            if (l.isEmpty()) {
              continue;
            }
          }
        }
        // a page number or running case number ends in a digit or a dash ("- 2 -"): the same plain test first
        char last = l.charAt(l.length() - 1);
        if ((Character.isDigit(last) || last == '-') && (PAGE_ONLY.matcher(l).matches() || CASE_HEADER.matcher(l).matches())) {
          continue;
        }
        if (continuationHeads.contains(l)) {
          continue; // a running head printed on later pages only
        }
        if (repeated.contains(l) && !seenRepeated.add(l)) {
          continue; // a header or footer repeated on later pages: keep its first occurrence only
        }
        out.add(l);
      }
    }
    if (pageCount == null) {
      pageCount = footerTotal;
    }
    return new Cleaned(joinHyphenated(out), pageCount);
  }

  /**
   * Lines found at the top or bottom of two or more pages, if they look like running heads; a
   * decision's label line ("MAXIMUS guideline: The Expert Reviewer did not cite …") repeats at page
   * edges in letters of many decisions, and is text, as is a 2013 notice's determination statement
   * ("1) MAXIMUS Federal Services, Inc. has determined …"), which the notice repeats.
   */
  private static Set<String> repeatedPageEdges(List<List<String>> pages) {
    Set<String> out = new HashSet<>();
    if (pages.size() < 2) {
      return out;
    }
    Map<String, Integer> counts = new HashMap<>();
    for (List<String> page : pages) {
      Set<String> edges = new HashSet<>();
      for (int i = 0; i < Math.min(2, page.size()); i++) {
        edges.add(page.get(i));
        edges.add(page.get(page.size() - 1 - i));
      }
      for (String e : edges) {
        counts.merge(e, 1, Integer::sum);
      }
    }
    counts.forEach((line, n) -> {
      if (n >= 2 && line.length() <= 120 && (Text.CASE_NUMBER.matcher(line).find() || isRunningHead(line)) && !DecisionBlocks.isLabel(line)
          && !Determinations.startsStatement(line)) {
        out.add(line);
      }
    });
    return out;
  }

  /**
   * Lines at the top or bottom edge of page 2 onwards that read like a running head even when they
   * occur once: short, naming the review organisation or a case number, not a sentence, not a
   * section heading, a decision's label ("MAXIMUS guideline: …") or the start of a determination
   * statement ("2) MAXIMUS Federal Services, Inc. has determined …"), and never seen on page 1's body.
   */
  private static Set<String> continuationPageHeads(List<List<String>> pages) {
    Set<String> out = new HashSet<>();
    if (pages.size() < 2) {
      return out;
    }
    Set<String> firstPage = new HashSet<>(pages.get(0));
    for (int p = 1; p < pages.size(); p++) {
      List<String> page = pages.get(p);
      if (page.isEmpty()) {
        continue;
      }
      for (String edge : List.of(page.get(0), page.get(page.size() - 1))) {
        String lower = edge.toLowerCase(Locale.ROOT);
        boolean names = lower.contains("maximus") || lower.contains("independent medical review") || Text.CASE_NUMBER.matcher(edge).find();
        if (names && edge.length() <= 90 && !edge.endsWith(".") && !edge.endsWith(":") && !isHeading(edge)
            && !firstPage.contains(edge) && !DecisionBlocks.isLabel(edge) && !Determinations.startsStatement(edge)) {
          out.add(edge);
        }
      }
    }
    return out;
  }

  private static boolean isHeading(String line) {
    String upper = line.toUpperCase(Locale.ROOT);
    for (Heading h : Heading.values()) {
      if (h.pattern().matcher(upper).matches()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isRunningHead(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    return lower.contains("maximus") || lower.contains("independent medical review")
        || lower.contains("final determination") || lower.contains("confidential") || lower.contains("page ");
  }

  private static Integer totalOf(String pageOf) {
    Matcher m = Pattern.compile("(\\d+)\\s*$").matcher(pageOf.strip());
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  /** Maps the odd characters of PDF text to plain ones. */
  static String normalizeChars(String s) {
    // most letters are plain ASCII text: copy nothing up to the first character that may change
    int from = 0;
    while (from < s.length() && isPlain(s.charAt(from))) {
      from++;
    }
    if (from == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    sb.append(s, 0, from);
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\r' -> {
          if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
            continue;
          }
          sb.append('\n');
        }
        case '\u000B', '\u2028', '\u2029', '\u0085' -> sb.append('\n');
        case '\t', '\u00A0', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006',
            '\u2007', '\u2008', '\u2009', '\u200A', '\u202F', '\u205F', '\u3000' -> sb.append(' ');
        case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF' -> { }
        case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '\u0060' -> sb.append('\'');
        case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> sb.append('"');
        case '\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\uFE63', '\uFF0D' -> sb.append('-');
        case '\u2014', '\u2015' -> sb.append(" - ");
        case '\u2026' -> sb.append("...");
        case '\uFB00' -> sb.append("ff");
        case '\uFB01' -> sb.append("fi");
        case '\uFB02' -> sb.append("fl");
        case '\uFB03' -> sb.append("ffi");
        case '\uFB04' -> sb.append("ffl");
        case '\uFB05', '\uFB06' -> sb.append("st");
        case '\u2022', '\u25CF', '\u25AA', '\u2023', '\u2043' -> sb.append("- ");
        default -> {
          if (c < 0x20 && c != '\n' && c != PAGE_BREAK) {
            sb.append(' ');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** True for a character {@link #normalizeChars} keeps as it is, tested without the switch: printable ASCII but the backquote, LF and FF. */
  private static boolean isPlain(char c) {
    return c < 0x7F ? (c >= 0x20 ? c != '`' : c == '\n' || c == PAGE_BREAK) : false;
  }

  /** Collapses runs of white space to one space and trims. */
  static String collapse(String s) {
    // most lines have single spaces between words and at most some at either end: a substring
    int start = 0;
    int end = s.length();
    while (start < end && isCollapsed(s.charAt(start))) {
      start++;
    }
    while (end > start && isCollapsed(s.charAt(end - 1))) {
      end--;
    }
    if (absent(s.indexOf("  ", start), end) && absent(s.indexOf('\t', start), end) && absent(s.indexOf('\n', start), end)) {
      return start == 0 && end == s.length() ? s : s.substring(start, end);
    }
    StringBuilder sb = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\n' || c == '\t') {
        space = !sb.isEmpty();
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** True when an indexOf result is not before {@code end}. */
  private static boolean absent(int at, int end) {
    return at < 0 || at >= end;
  }

  private static boolean isCollapsed(char c) {
    return c == ' ' || c == '\n' || c == '\t';
  }

  /**
   * Repairs words split by a line-break hyphen: the first word of the next line moves up, joined
   * without the hyphen ("medica-" + "tion") unless the pair is a real compound ("long-" + "term").
   */
  private static List<String> joinHyphenated(List<String> lines) {
    LineBreakHyphens hyphens = null;
    List<String> out = new ArrayList<>(lines);
    for (int i = 0; i + 1 < out.size(); i++) {
      String line = out.get(i);
      // a plain test first: the regex scan of every line was a tenth of the parse time
      if (!line.endsWith("-")) {
        continue;
      }
      if (line.length() >= 2 && Character.isLetterOrDigit(line.charAt(line.length() - 2))) {
        // a hyphenated compound, date or name broken at its hyphen ("Non-" + "MTUS", "10-28-" + "2016"):
        // the hyphen stays and no space comes in
        Matcher capital = LEADING_CAPITAL_OR_DIGIT.matcher(out.get(i + 1));
        if (capital.find()) {
          out.set(i, line + capital.group(1));
          out.set(i + 1, out.get(i + 1).substring(capital.end()));
          if (out.get(i + 1).isEmpty()) {
            out.remove(i + 1);
          }
          continue;
        }
      }
      int headStart = LineBreakHyphens.letterRunStart(line, line.length() - 1);
      if (headStart == line.length() - 1) {
        continue;
      }
      Matcher next = LEADING_WORD.matcher(out.get(i + 1));
      if (!next.find()) {
        continue;
      }
      if (hyphens == null) {
        hyphens = new LineBreakHyphens(String.join("\n", lines));
      }
      String head = line.substring(headStart, line.length() - 1);
      String tail = next.group(1);
      String joined = hyphens.keepHyphen(head, tail) ? head + "-" + tail : head + tail;
      out.set(i, line.substring(0, headStart) + joined + next.group(2));
      out.set(i + 1, out.get(i + 1).substring(next.end()));
      if (out.get(i + 1).isEmpty()) {
        out.remove(i + 1);
      }
    }
    return out;
  }

}
