package org.imrindex.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * A letter's lines cut at its headings: the lines before the first heading (the front matter, where
 * a cover page's fields are) and the lines under each heading, in letter order.
 */
final class Sections {

  /** One heading and the lines under it (content after a heading's colon is the first line). */
  record Section(Heading heading, List<String> lines) {}

  private final List<String> front;
  private final List<Section> sections;
  private final Map<Heading, Section> first = new EnumMap<>(Heading.class);

  private Sections(List<String> front, List<Section> sections) {
    this.front = front;
    this.sections = sections;
    for (Section s : sections) {
      first.putIfAbsent(s.heading(), s);
    }
  }

  static Sections split(List<String> lines) {
    List<String> front = new ArrayList<>();
    List<Section> sections = new ArrayList<>();
    List<String> current = front;
    int i = 0;
    while (i < lines.size()) {
      Match m = headingAt(lines, i);
      if (m == null) {
        current.add(lines.get(i));
        i++;
        continue;
      }
      current = new ArrayList<>();
      if (m.rest() != null && !m.rest().isBlank()) {
        current.add(m.rest().strip());
      }
      sections.add(new Section(m.heading(), current));
      i += m.lineCount();
    }
    return new Sections(Collections.unmodifiableList(front), List.copyOf(sections));
  }

  private record Match(Heading heading, int lineCount, String rest) {}

  /** The heading that starts at line i, possibly wrapped over up to three lines. */
  private static Match headingAt(List<String> lines, int i) {
    // every heading starts with two capital letters (HOW, CLINICAL, IMR, CC, …): most lines do not
    String start = lines.get(i);
    if (start.length() < 2 || !isAsciiCapital(start.charAt(0)) || !isAsciiCapital(start.charAt(1))) {
      return null;
    }
    StringBuilder joined = new StringBuilder();
    Match best = null;
    for (int k = 1; k <= 3 && i + k - 1 < lines.size(); k++) {
      String line = lines.get(i + k - 1);
      if (k > 1) {
        if (!startsUpper(line)) {
          break;
        }
        joined.append(' ');
      }
      joined.append(line);
      int previousLength = joined.length() - line.length();
      for (Heading h : Heading.values()) {
        Matcher m = h.pattern().matcher(joined);
        // a longer join counts only if the heading itself reaches into the added line
        if (m.matches() && isUpper(m.group(1)) && (k == 1 || m.end(1) > previousLength)) {
          best = new Match(h, k, m.group(2));
          break;
        }
      }
      // only an all-caps line can be the first part of a wrapped heading
      if (!isUpper(line)) {
        break;
      }
    }
    return best;
  }

  private static boolean isAsciiCapital(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean startsUpper(String line) {
    return !line.isEmpty() && Character.isUpperCase(line.charAt(0));
  }

  private static boolean isUpper(String s) {
    return s.equals(s.toUpperCase(Locale.ROOT));
  }

  List<String> front() {
    return front;
  }

  List<Section> all() {
    return sections;
  }

  boolean has(Heading h) {
    return first.containsKey(h);
  }

  /** The lines under the first occurrence of h, or an empty list. */
  List<String> lines(Heading h) {
    Section s = first.get(h);
    return s == null ? List.of() : s.lines();
  }

  /** The position in {@link #all()} of the first of the given headings that the letter has, or -1. */
  int indexOfFirst(Heading... hs) {
    for (Heading h : hs) {
      Section s = first.get(h);
      if (s != null) {
        return sections.indexOf(s);
      }
    }
    return -1;
  }

  /** The lines under the first of the given headings that the letter has. */
  List<String> linesOfFirst(Heading... hs) {
    for (Heading h : hs) {
      if (has(h)) {
        return lines(h);
      }
    }
    return List.of();
  }
}
