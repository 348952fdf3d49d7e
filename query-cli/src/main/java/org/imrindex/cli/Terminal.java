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
      boolean control = c != '\n' && c != '\r' && c != '\t'
          && (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '\u2028' || c == '\u2029');
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
          if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '\u2028' || c == '\u2029') {
            sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
