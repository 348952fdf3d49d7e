package org.imrindex.parse;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrindex.model.Outcome;

/**
 * The determination statements of the 2013 notice layout: "1) MAXIMUS Federal Services, Inc. has
 * determined the request for a 28 day functional restoration program is not medically necessary and
 * appropriate.", wrapped over lines as the letter wraps it. Text extracted from these PDFs often loses
 * the space between words ("notmedically", "ismedically"), so the statement's fixed words may touch.
 */
final class Determinations {

  /** A statement: its number (null when unnumbered), the item as written, the outcome, and where it is. */
  record Statement(Integer number, String item, Outcome outcome, int line, int lineCount) {}

  /** Most lines a statement is read over. */
  private static final int MAX_LINES = 6;

  private static final String NUMBER = "(?:(\\d{1,2})\\s*[.)]\\s*)?";
  private static final String ORGANISATION = "MAXIMUS\\s*Federal\\s*Services\\s*,?\\s*(?:Inc\\s*\\.?\\s*,?\\s*)?";
  private static final String DETERMINED = "has\\s*determined\\s*(?:that\\s*)?";
  /** Where a statement can start: the organisation's name, numbered or not. */
  private static final Pattern START = Pattern.compile("(?i)^" + NUMBER + ORGANISATION);
  /** A line that can only be a statement's start (not the letter head "MAXIMUS FEDERAL SERVICES, INC."). */
  private static final Pattern STATEMENT_LINE = Pattern.compile(
      "(?i)^(?:\\d{1,2}\\s*[.)]\\s*" + ORGANISATION + "|" + ORGANISATION + DETERMINED + ")");
  private static final Pattern STATEMENT = Pattern.compile("(?i)^" + NUMBER + ORGANISATION + DETERMINED
      + "(?:the\\s*)?(?:(?:prospective|retrospective|concurrent)\\s+)?request(?:ed)?\\s*(?:for\\b\\s*)?(?:(?:an?|the)\\s+)?"
      + "(.+?)\\s*,?\\s*(?:is|are|was|were)\\s*(not\\s*)?medically\\s*necessary(?:\\s*(?:and|or)\\s*(appropriate))?\\s*(\\.)?$");
  /** The line after "… is not medically necessary" that ends the statement: "and appropriate." */
  private static final Pattern APPROPRIATE_NEXT = Pattern.compile("(?i)^(?:(?:and|or)\\s*)?appropriate\\b");

  private Determinations() {}

  /**
   * True when the line starts a determination statement, numbered or naming the determination; the
   * letter head ("MAXIMUS FEDERAL SERVICES, INC.") alone does not.
   */
  static boolean startsStatement(String line) {
    return STATEMENT_LINE.matcher(line).lookingAt();
  }

  /** An item's wording without case, spaces and punctuation: restatements differ in how PDF text lost spaces. */
  static String key(String item) {
    return item.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /** The statement that starts at line i, or null. It ends at its "… medically necessary (and appropriate)". */
  static Statement at(List<String> lines, int i) {
    if (!START.matcher(lines.get(i)).lookingAt()) {
      return null;
    }
    StringBuilder joined = new StringBuilder(lines.get(i));
    for (int j = i; j < Math.min(lines.size(), i + MAX_LINES); j++) {
      if (j > i) {
        String line = lines.get(j);
        if (START.matcher(line).lookingAt() || Text.NUMBERED.matcher(line).matches()) {
          return null;
        }
        joined.append(' ').append(line);
      }
      Matcher m = STATEMENT.matcher(joined);
      // "… is not medically necessary" / "and appropriate.": the statement goes on over the next line
      if (m.matches() && m.group(4) == null && m.group(5) == null && j + 1 < lines.size()
          && APPROPRIATE_NEXT.matcher(lines.get(j + 1)).lookingAt()) {
        continue;
      }
      if (m.matches()) {
        Integer number = m.group(1) == null ? null : Integer.valueOf(m.group(1));
        return new Statement(number, m.group(2).strip(), m.group(3) != null ? Outcome.UPHELD : Outcome.OVERTURNED, i, j - i + 1);
      }
    }
    return null;
  }
}
