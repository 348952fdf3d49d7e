package org.imrindex.query;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.Query;
import org.imrindex.schema.IndexField;

/**
 * The numbers and dates a filter can take a range of: {@code --filter injury_year=2010..2014},
 * {@code decision_year=2015..}, {@code age=..40}, {@code decision_date=2016-01-01..2016-06-30}. An end
 * may be left open; a single value is a range of one. A date end is a day, a month or a year, each
 * meaning the whole period: {@code 2016-07..2016-09} is July 1 to September 30.
 */
public enum RangeField {
  INJURY_YEAR(IndexField.INJURY_YEAR, Kind.YEAR),
  DECISION_YEAR(IndexField.DECISION_YEAR, Kind.YEAR),
  AGE(IndexField.AGE, Kind.NUMBER),
  DECISION_DATE(IndexField.DECISION_DATE, Kind.DATE);

  /** What the ends of a range are. */
  private enum Kind {
    YEAR("\\d{4}", "a year or a range of years such as 2014..2016, 2015.. or ..2014"),
    NUMBER("\\d{1,3}", "a number or a range such as 40..60, 60.. or ..40"),
    DATE("\\d{4}(?:-\\d{1,2}(?:-\\d{1,2})?)?",
        "a date, month or year (2016-07-04, 2016-07, 2016) or a range of them such as 2016-01-01..2016-06-30, 2016-07.. or ..2016-06-30");

    final Pattern pattern;
    final String help;

    Kind(String end, String help) {
      this.pattern = Pattern.compile("(" + end + ")?\\s*(\\.\\.)?\\s*(" + end + ")?");
      this.help = help;
    }
  }

  private final IndexField field;
  private final Kind kind;

  RangeField(IndexField field, Kind kind) {
    this.field = field;
    this.kind = kind;
  }

  public IndexField field() {
    return field;
  }

  /** The name used on the command line, e.g. {@code injury_year}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The range field named {@code key} (in any case), or null. */
  public static RangeField of(String key) {
    for (RangeField r : values()) {
      if (r.key().equalsIgnoreCase(key.strip())) {
        return r;
      }
    }
    return null;
  }

  /**
   * Reads a range as typed: {@code a..b}, {@code a..}, {@code ..b} or {@code a}.
   *
   * @throws QuerySyntaxException a malformed value (saying what this field takes) or an empty range
   */
  public Filters.Range parse(String value) throws QuerySyntaxException {
    String v = value.strip();
    Matcher m = kind.pattern.matcher(v);
    boolean range = m.matches() && m.group(2) != null;
    if (!m.matches() || (m.group(1) == null && m.group(3) == null) || (!range && m.group(3) != null && m.group(1) != null)) {
      throw malformed(value);
    }
    String lo = m.group(1);
    String hi = range ? m.group(3) : lo;
    int from = lo == null ? Integer.MIN_VALUE : end(lo, false, value);
    int to = hi == null ? Integer.MAX_VALUE : end(hi, true, value);
    if (from > to) {
      throw new QuerySyntaxException("empty range " + key() + "=" + v + ": " + lo + " is after " + hi);
    }
    return new Filters.Range(from, to);
  }

  /** The decisions whose value is in the range (the decision date is indexed as long points, the others as int points). */
  Query query(Filters.Range r) {
    String name = field.fieldName();
    if (kind == Kind.DATE) {
      return LongPoint.newRangeQuery(name, r.openBelow() ? Long.MIN_VALUE : r.from(), r.openAbove() ? Long.MAX_VALUE : r.to());
    }
    return IntPoint.newRangeQuery(name, r.from(), r.to());
  }

  /** A range as a user would type it, with dates as whole days: {@code 2016-07-01..2016-09-30}, {@code 2015..}. */
  public String format(Filters.Range r) {
    String lo = r.openBelow() ? "" : show(r.from());
    String hi = r.openAbove() ? "" : show(r.to());
    return lo.equals(hi) ? lo : lo + ".." + hi;
  }

  private String show(int n) {
    return kind == Kind.DATE ? LocalDate.ofEpochDay(n).toString() : Integer.toString(n);
  }

  /** One end: a number, or a date's first day (lower end) or last day (upper end) of the period written. */
  private int end(String s, boolean upper, String value) throws QuerySyntaxException {
    if (kind != Kind.DATE) {
      return Integer.parseInt(s);
    }
    String[] parts = s.split("-");
    try {
      int year = Integer.parseInt(parts[0]);
      LocalDate d;
      if (parts.length == 1) {
        d = upper ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
      } else if (parts.length == 2) {
        YearMonth ym = YearMonth.of(year, Integer.parseInt(parts[1]));
        d = upper ? ym.atEndOfMonth() : ym.atDay(1);
      } else {
        d = LocalDate.of(year, Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
      }
      return Math.toIntExact(d.toEpochDay());
    } catch (DateTimeException e) {
      throw new QuerySyntaxException("'" + s + "' is no date; " + key() + " takes " + kind.help);
    }
  }

  private QuerySyntaxException malformed(String value) {
    return new QuerySyntaxException(key() + " takes " + kind.help + "; got '" + value.strip() + "'");
  }
}
