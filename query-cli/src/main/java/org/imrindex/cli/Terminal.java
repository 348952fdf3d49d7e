package org.imrindex.cli;

import java.util.Locale;

/** Makes untrusted text (file names, letter text) safe to print on one terminal line. */
final class Terminal {

  private Terminal() {}

  /**
   * A CSV value with its control characters (ESC, BEL, C1 codes, line separators) made visible as
   * {@code \xNN}, as on a terminal; line breaks and tabs stay, quoted by the CSV printer. Values
   * that are not strings pass through.
   */
  static Object escapeControls(Object value) {
    if (!(value instanceof String s)) {
      return value;
    }
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = c != '\n' && c != '\r' && c != '\t' && isControl(c);
      if (control && sb == null) {
        sb = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (sb != null) {
        if (control) {
          sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** Control characters and escape sequences become visible escapes: a newline prints as \n. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (isControl(c)) {
            sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** C0 and C1 controls, DEL and the Unicode line separators: what a terminal would act on rather than show. */
  private static boolean isControl(char c) {
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '\u2028' || c == '\u2029';
  }

  /**
   * Words (split at single spaces) wrapped to lines of at most {@code width} visible characters;
   * highlight markers take no room.
   */
  static java.util.List<String> wrap(String text, int width) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    StringBuilder line = new StringBuilder();
    int visible = 0;
    for (String word : text.split(" ")) {
      int len = word.replace(String.valueOf(org.imrindex.query.SearchResult.MARK_START), "").replace(String.valueOf(org.imrindex.query.SearchResult.MARK_END), "").length();
      if (visible > 0 && visible + 1 + len > width) {
        lines.add(line.toString());
        line.setLength(0);
        visible = 0;
      }
      if (visible > 0) {
        line.append(' ');
        visible++;
      }
      line.append(word);
      visible += len;
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
