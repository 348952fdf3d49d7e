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
    DECISION_DATE("Date\\s+of\\s+(?:the\\s+)?(?:IMR\\s+Decision|Final\\s+Determination)|(?:IMR\\s+)?Decision\\s+Date"
        + "|Final\\s+Determination\\s+Date"),
    UR_DENIAL_DATE("UR\\s+Denial\\s+Date|Date\\s+of\\s+UR\\s+(?:Denial|Decision)|UR\\s+Decision\\s+Date"),
    APPLICATION_RECEIVED("(?:Date\\s+)?Application\\s+Received(?:\\s+Date)?"),
    PRIORITY("Priority"),
    DATED("Dated|Letter\\s+Date|Date\\s+of\\s+(?:this\\s+)?Letter"),
    FINAL_DETERMINATION("Final\\s+Determination");

    final String regex;

    Label(String regex) {
      this.regex = regex;
    }
  }

  private static final Pattern ANY;
  private static final Label[] LABELS = Label.values();
  /** The number of each label's group in {@link #ANY}, by the label's ordinal (a group looked up by name costs a map probe and a string). */
  private static final int[] GROUPS;
  /** Longest part of a label that can wrap onto the next line ("Denial Date"). */
  private static final int MAX_LABEL_TAIL = 40;

  static {
    StringBuilder sb = new StringBuilder("(?i)(?<![\\p{L}])(?:");
    for (Label l : Label.values()) {
      if (l.ordinal() > 0) {
        sb.append('|');
      }
      sb.append("(?<").append(groupName(l)).append('>').append(l.regex).append(')');
    }
    sb.append(")\\s*:\\s*");
    ANY = Pattern.compile(sb.toString());
    GROUPS = new int[LABELS.length];
    for (Label l : LABELS) {
      GROUPS[l.ordinal()] = ANY.namedGroups().get(groupName(l));
    }
  }

  private CoverFields() {}

  static Map<Label, String> read(List<String> lines) {
    Map<Label, String> out = new EnumMap<>(Label.class);
    Label open = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      // a label wrapped over the line break: "Priority: Standard Application" / "Received:"
      String joined = i + 1 < lines.size() ? joinWrappedLabel(line, lines.get(i + 1)) : null;
      if (joined != null) {
        line = joined;
        i++;
      }
      // every label ends in a colon: a line without one is no label's (a plain test before the scan)
      Matcher m = ANY.matcher(line.indexOf(':') < 0 ? "" : line);
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
        String value = line.substring(lastEnd);
        // a label whose value is on the next line: "Received:" / "01/18/2017"
        if (value.isBlank() && last != Label.FINAL_DETERMINATION && i + 1 < lines.size()
            && lines.get(i + 1).length() <= MAX_LABEL_TAIL && (lines.get(i + 1).indexOf(':') < 0 || !ANY.matcher(lines.get(i + 1)).find())) {
          value = lines.get(++i);
        }
        put(out, last, value);
        open = last == Label.FINAL_DETERMINATION ? last : null;
      } else if (!any && open != null) {
        out.merge(open, line.strip(), (a, b) -> a.isEmpty() ? b : a + " " + b);
      }
    }
    return out;
  }

  /**
   * The two lines joined when a label starts at the end of the first and ends with its colon on the
   * second ("… Application" / "Received: 01/18/2017"), else null. A cheap test first: the second line
   * must have a colon near its start.
   */
  private static String joinWrappedLabel(String line, String next) {
    int colon = next.indexOf(':');
    if (colon <= 0 || colon > MAX_LABEL_TAIL) {
      return null;
    }
    String joined = line + " " + next;
    Matcher m = ANY.matcher(joined).useTransparentBounds(true).region(Math.max(0, line.length() - MAX_LABEL_TAIL), joined.length());
    while (m.find() && m.start() < line.length()) {
      if (m.end(GROUPS[labelOf(m).ordinal()]) > line.length()) {
        return joined;
      }
    }
    return null;
  }

  private static void put(Map<Label, String> out, Label label, String value) {
    out.putIfAbsent(label, value.strip());
  }

  private static String groupName(Label l) {
    return l.name().replace("_", "");
  }

  private static Label labelOf(Matcher m) {
    for (Label l : LABELS) {
      if (m.start(GROUPS[l.ordinal()]) >= 0) {
        return l;
      }
    }
    throw new IllegalStateException("no label group matched");
  }
}
