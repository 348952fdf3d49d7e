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
    return item == null ? "" : ITEM_TRIM.matcher(item).replaceAll("");
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
