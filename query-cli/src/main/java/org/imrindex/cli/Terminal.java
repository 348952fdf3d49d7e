package org.imrindex.cli;

import java.util.Locale;

/**
 * Makes untrusted text (file names, letter text) safe to print on one terminal line, wraps it, and
 * knows how wide the terminal is.
 */
final class Terminal {

  private Terminal() {}

  /** The width text is wrapped to when it cannot be known (output piped, no COLUMNS). */
  static final int DEFAULT_WIDTH = 80;

  /** The narrowest width text output is laid out for: a smaller --width or COLUMNS counts as this. */
  static final int MIN_WIDTH = 40;

  /** Joins words that wrapping must keep on one line ("letter\u00a0abc"); printed as a space. */
  static final char KEEP = '\u00a0';

  /**
   * The columns text output is laid out for: {@code --width} when given, else the COLUMNS
   * environment variable, else the terminal's width when stdout is a terminal (the launcher passes
   * {@code stty size}; the shell its terminal's), else {@link #DEFAULT_WIDTH}. Values that are not
   * a positive number are ignored; a known width under {@link #MIN_WIDTH} is taken as that.
   */
  static int width(Integer option, String columnsEnv, boolean stdoutIsTerminal, String terminalColumns) {
    if (option != null) {
      return Math.max(MIN_WIDTH, option);
    }
    Integer columns = positive(columnsEnv);
    if (columns == null && stdoutIsTerminal) {
      columns = positive(terminalColumns);
    }
    return columns == null ? DEFAULT_WIDTH : Math.max(MIN_WIDTH, columns);
  }

  /** The width for this process: COLUMNS, and the system properties imr.stdout.tty and imr.stdout.columns. */
  static int width(Integer option) {
    return width(option, System.getenv("COLUMNS"), Boolean.getBoolean("imr.stdout.tty"), System.getProperty("imr.stdout.columns"));
  }

  private static Integer positive(String s) {
    if (s == null || !s.strip().matches("[0-9]{1,5}")) {
      return null;
    }
    int n = Integer.parseInt(s.strip());
    return n > 0 ? n : null;
  }

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
   * highlight markers take no room. Words joined by {@link #KEEP} stay on one line (a word longer
   * than the line has one of its own), and KEEP prints as a space.
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
    lines.replaceAll(l -> l.replace(KEEP, ' '));
    return lines;
  }
}
