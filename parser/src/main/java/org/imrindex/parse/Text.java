package org.imrindex.parse;

import java.util.List;
import java.util.regex.Pattern;

/** Joins cleaned lines into field text. */
final class Text {

  /** A numbered line, "1. text" or "2) text": group 1 the number, group 2 the text. */
  static final Pattern NUMBERED = Pattern.compile("^(\\d{1,2})\\s*[.)]\\s+(.*)$");

  /** An IMR case number: CM, two-digit year, dash, seven digits. */
  static final Pattern CASE_NUMBER = Pattern.compile("\\bCM\\d{2}-\\d{7}\\b");

  /** Punctuation and space around an item heading ("- Norco 10/325mg:" → "Norco 10/325mg"). */
  private static final Pattern ITEM_TRIM = Pattern.compile("^[\\s:;,.-]+|[\\s:;,]+$");

  private Text() {}

  /** An item heading without the punctuation and space around it; "" for null. */
  static String trimItem(String item) {
    if (item == null) {
      return "";
    }
    for (int i = 0; i < item.length(); i++) {
      char c = item.charAt(i);
      if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return ITEM_TRIM.matcher(item).replaceAll(""); // "$" may match before these line terminators
      }
    }
    // what ITEM_TRIM removes, in a plain scan: the leading run of [\s:;,.-], then the trailing run of [\s:;,]
    int start = 0;
    while (start < item.length() && (isRegexSpace(item.charAt(start)) || ":;,.-".indexOf(item.charAt(start)) >= 0)) {
      start++;
    }
    int end = item.length();
    while (end > start && (isRegexSpace(item.charAt(end - 1)) || ":;,".indexOf(item.charAt(end - 1)) >= 0)) {
      end--;
    }
    return item.substring(start, end);
  }

  /** The characters of the regex class {@code \s}: space, tab, LF, VT, FF, CR. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** Lines joined with single spaces; null when there is no text. */
  static String join(List<String> lines) {
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      String s = l.strip();
      if (s.isEmpty()) {
        continue;
      }
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(s);
    }
    String out = TextCleaner.collapse(sb.toString());
    return out.isEmpty() ? null : out;
  }
}
