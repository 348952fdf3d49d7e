package org.imrindex.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the date formats letters use: "June 30, 2003", "08/07/2010", "11-01-1989", "2015-03-03". */
final class Dates {

  /**
   * A month as a whole word: its full name, or the usual abbreviation with an optional period
   * ("Jan", "Jan.", "Sept."). Not any word that starts with one: "Decision 12, 2014" is no date.
   * Case-insensitive where the pattern using it is.
   */
  private static final String MONTH = "(?<![\\p{L}])(?:January|February|March|April|May|June|July|August|September|October"
      + "|November|December|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)(?![\\p{L}])";

  /** A date in any accepted format, for embedding in larger patterns. */
  static final String DATE = "(?:" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}"
      + "|\\d{1,2}[/-]\\d{1,2}[/-](?:\\d{4}|\\d{2})(?!\\d)|\\d{4}-\\d{2}-\\d{2})";

  private static final Pattern NAMED = Pattern.compile("(?i)(" + MONTH + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
  private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4}|\\d{2})");
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern FIRST = Pattern.compile("(?i)" + DATE);
  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
      Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
      Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

  private Dates() {}

  /** The first date in s, or null. */
  static LocalDate first(String s) {
    if (s == null) {
      return null;
    }
    Matcher m = FIRST.matcher(s);
    return m.find() ? parse(m.group()) : null;
  }

  /** Parses one date written in an accepted format; null if it is not a valid date. */
  static LocalDate parse(String s) {
    String t = s.strip();
    try {
      Matcher m = ISO.matcher(t);
      if (m.matches()) {
        return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      }
      m = NUMERIC.matcher(t);
      if (m.matches()) {
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
          year += year <= 40 ? 2000 : 1900; // letters date from 2013 on; injuries go back decades
        }
        return LocalDate.of(year, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
      m = NAMED.matcher(t);
      if (m.matches()) {
        Integer month = MONTHS.get(m.group(1).substring(0, 3).toLowerCase(Locale.ROOT));
        return month == null ? null : LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)));
      }
    } catch (DateTimeException e) {
      return null;
    }
    return null;
  }
}
