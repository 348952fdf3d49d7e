package org.imrindex.parse;

import java.util.List;

/** Joins cleaned lines into field text. */
final class Text {

  private Text() {}

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
