package org.imrindex.parse;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labelled fields of a cover page or letter head ("Date Assigned: 11/20/2013"). Several may share
 * a line (PDF tables); the Final Determination's explanation may run on over the next lines.
 */
final class CoverFields {

  /** The labels, most specific first. */
  enum Label {
    CASE_NUMBER("(?:IMR\\s+)?Case\\s+(?:Number|No\\.?|#)"),
    DATE_ASSIGNED("Date\\s+Assigned"),
    DATE_OF_INJURY("Date\\s+of\\s+Injury|DOI"),
    DECISION_DATE("Date\\s+of\\s+(?:the\\s+)?IMR\\s+Decision|IMR\\s+Decision\\s+Date|Decision\\s+Date"),
    UR_DENIAL_DATE("UR\\s+Denial\\s+Date|Date\\s+of\\s+UR\\s+(?:Denial|Decision)|UR\\s+Decision\\s+Date"),
    APPLICATION_RECEIVED("(?:Date\\s+)?Application\\s+Received(?:\\s+Date)?"),
    PRIORITY("Priority"),
    DATED("Dated|Letter\\s+Date"),
    FINAL_DETERMINATION("Final\\s+Determination");

    final String regex;

    Label(String regex) {
      this.regex = regex;
    }
  }

  private static final Pattern ANY;

  static {
    StringBuilder sb = new StringBuilder("(?i)(?<![\\p{L}])(?:");
    for (Label l : Label.values()) {
      if (l.ordinal() > 0) {
        sb.append('|');
      }
      sb.append("(?<").append(l.name().replace("_", "")).append('>').append(l.regex).append(')');
    }
    sb.append(")\\s*:\\s*");
    ANY = Pattern.compile(sb.toString());
  }

  private CoverFields() {}

  static Map<Label, String> read(List<String> lines) {
    Map<Label, String> out = new EnumMap<>(Label.class);
    Label open = null;
    for (String line : lines) {
      Matcher m = ANY.matcher(line);
      int lastEnd = -1;
      Label last = null;
      boolean any = false;
      while (m.find()) {
        if (last != null) {
          put(out, last, line.substring(lastEnd, m.start()));
        }
        last = labelOf(m);
        lastEnd = m.end();
        any = true;
      }
      if (last != null) {
        put(out, last, line.substring(lastEnd));
        open = last == Label.FINAL_DETERMINATION ? last : null;
      } else if (!any && open != null) {
        out.merge(open, line.strip(), (a, b) -> a.isEmpty() ? b : a + " " + b);
      }
    }
    return out;
  }

  private static void put(Map<Label, String> out, Label label, String value) {
    out.putIfAbsent(label, value.strip());
  }

  private static Label labelOf(Matcher m) {
    for (Label l : Label.values()) {
      if (m.group(l.name().replace("_", "")) != null) {
        return l;
      }
    }
    throw new IllegalStateException("no label group matched");
  }
}
