package org.imrindex.parse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrindex.model.Outcome;

/**
 * Cuts a letter of the 2013 notice layout into its parts: the letter head (labelled fields and the
 * first list of determination statements), INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE (the
 * dates of the application and of the UR denial, the list again), the reviewer's qualifications, the
 * case summary, then one section per item ("1) Regarding the request for …:", "1. Issue/s at
 * dispute: …", or the item's statement once more) with its guideline and rationale labels. Part
 * labels are matched in any case: these letters write most of them in title case.
 */
final class NoticeLetter {

  /** One item's section, as cut: numbered or not, its heading's item and the texts under its labels. */
  record ItemSection(Integer number, String item, Outcome statedOutcome, String claimsGuideline, String reviewerGuideline,
      String rationale) {}

  /** The parts of a notice. Lists are unmodifiable; texts are null when the letter has no such part. */
  record Notice(List<String> header, List<Determinations.Statement> statements, List<ItemSection> sections,
      String qualifications, String summary, Map<CoverFields.Label, String> statedDates) {

    Notice {
      header = List.copyOf(header);
      statements = List.copyOf(statements);
      sections = List.copyOf(sections);
      statedDates = Map.copyOf(statedDates);
    }
  }

  private enum Part { HEADER, DECISION, QUALIFICATIONS, SUMMARY, DOCUMENTS, ITEM, TRAILER }

  private static final Pattern TITLE = Pattern.compile("(?i)^notice\\s+of\\s+independent\\s+medical\\s+review\\s+determination$");
  private static final Pattern PART = Pattern.compile("(?i)^(?:"
      + "(?<decision>independent\\s+medical\\s+review\\s+decisions?\\s+and\\s+rationales?)"
      + "|(?<qualifications>(?:medical\\s+)?qualifications\\s+of\\s+the\\s+(?:expert\\s+|physician\\s+|medical\\s+)?reviewer)"
      + "|(?<summary>(?:expert\\s+reviewer(?:'s)?\\s+|clinical\\s+)?case\\s+summary)"
      + "|(?<documents>(?:summary\\s+of\\s+)?(?:medical\\s+)?(?:documents|records)\\s+reviewed"
      + "(?:\\s+for\\s+(?:the\\s+)?determination|\\s+by\\s+the\\s+(?:expert\\s+|physician\\s+)?reviewer)?)"
      + "|(?<trailer>effect\\s+of\\s+(?:the\\s+)?decision|appeal\\s+rights|right\\s+to\\s+appeal|additional\\s+information"
      + "|notice\\s+of\\s+(?:appeal|rights)|cc|sincerely))"
      + "\\s*(?:[:,]\\s*(?<rest>.*))?$");

  private static final String GUIDELINES_BY = "(?:medical\\s+treatment\\s+)?guidelines?\\s*(?:\\(s\\))?\\s+(?:relied\\s+upon|used|cited)\\s+by\\s+(?:the\\s+)?";
  /** The claims administrator's guidelines, as these letters and later ones label them. */
  private static final Pattern CLAIMS = Pattern.compile("(?i)^(?:" + GUIDELINES_BY + "claims\\s+administrator"
      + "|claims\\s+administrator(?:'s)?\\s+guidelines?\\s*(?:\\(s\\))?)\\s*(?::\\s*(.*))?$");
  /** The reviewer's guidelines, as these letters and later ones label them. */
  private static final Pattern REVIEWER = Pattern.compile("(?i)^(?:" + GUIDELINES_BY + "(?:expert\\s+|physician\\s+|professional\\s+|imr\\s+)?reviewer"
      + "|(?:maximus|imr|expert\\s+reviewer(?:'s)?)\\s+guidelines?\\s*(?:\\(s\\))?)\\s*(?::\\s*(.*))?$");
  private static final Pattern RATIONALE = Pattern.compile(
      "(?i)^(?:rationale\\s+for\\s+(?:the\\s+)?decision|decision\\s+rationale|rationale)\\s*(?::\\s*(.*))?$");

  /** "1) Regarding the request for X:", the heading wrapped until its colon; unnumbered only with a label after it. */
  private static final Pattern REGARDING = Pattern.compile(
      "(?i)^(?:(\\d{1,2})\\s*[.)]\\s*)?regarding\\s+the\\s+(?:(?:prospective|retrospective|concurrent)\\s+)?request(?:ed)?\\s*(?:for\\b\\s*)?(.*)$");
  /** "1. Issue/s at dispute: X". */
  private static final Pattern ISSUE = Pattern.compile(
      "(?i)^(\\d{1,2})\\s*[.)]\\s*issues?\\s*(?:/\\s*s|\\(s\\))?\\s+(?:at|in)\\s+dispute\\s*:?\\s*(.*)$");
  /** A heading's question form around the item: "Is the request for X medically necessary?". */
  private static final Pattern QUESTION = Pattern.compile(
      "(?i)^(?:(?:is|are|was|were)\\s+the\\s+(?:(?:prospective|retrospective|concurrent)\\s+)?request(?:ed)?\\s+(?:for\\s+)?)?(?:(?:an?|the)\\s+)?"
          + "(.*?)\\s*(?:(?:is|are|was|were)\\s+)?(?:(?:not\\s+)?medically\\s+necessary(?:\\s+(?:and|or)\\s+appropriate)?)?\\s*[?:]?$");
  private static final int MAX_HEADING_LINES = 3;

  /** The utilization review's disclaimer that opens the case summary, up to its first full stop. */
  private static final Pattern DISCLAIMER = Pattern.compile("(?i)^disclaimer\\s*:\\s*.{0,300}?\\.(?=\\s+[\"'\\p{Lu}]|\\s*$)\\s*");
  private static final Pattern FILED = Pattern.compile(
      "(?i)application\\s+for\\s+independent\\s+medical\\s+review\\s+was\\s+(?:filed|received)\\s+on\\s+(" + Dates.DATE + ")");
  private static final Pattern UR_DENIAL = Pattern.compile(
      "(?i)utilization\\s+review\\s+(?:denial|decision|determination|modification)\\s+dated\\s+(" + Dates.DATE + ")");
  private static final Pattern ASSIGNED = Pattern.compile("(?i)notice\\s+of\\s+assignment\\b[^.]{0,100}?\\bon\\s+(" + Dates.DATE + ")");

  private NoticeLetter() {}

  /**
   * True when the lines are a notice: a determination statement, or the notice's title and its
   * decision heading.
   */
  static boolean isNotice(List<String> lines) {
    boolean title = false;
    boolean heading = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (Determinations.startsStatement(line) && Determinations.at(lines, i) != null) {
        return true;
      }
      title |= TITLE.matcher(line).matches();
      Matcher m = PART.matcher(line);
      heading |= m.matches() && m.group("decision") != null;
    }
    return title && heading;
  }

  /** Reads the parts of a notice's cleaned lines. */
  static Notice read(List<String> lines) {
    Reader r = new Reader();
    int i = 0;
    while (i < lines.size()) {
      i += r.take(lines, i);
    }
    return r.notice();
  }

  /** The single pass over the lines: which part each line belongs to. */
  private static final class Reader {
    final List<String> header = new ArrayList<>();
    final List<String> decision = new ArrayList<>();
    final List<String> qualifications = new ArrayList<>();
    final List<String> summary = new ArrayList<>();
    final List<String> ignored = new ArrayList<>();
    final List<Determinations.Statement> statements = new ArrayList<>();
    final List<SectionBuilder> sections = new ArrayList<>();
    Part part = Part.HEADER;
    List<String> target = header;

    /** Reads the line(s) at i; returns how many it took. */
    int take(List<String> lines, int i) {
      String line = lines.get(i);
      Matcher label = PART.matcher(line);
      if (label.matches()) {
        part = partOf(label);
        target = switch (part) {
          case DECISION -> decision;
          case QUALIFICATIONS -> qualifications;
          case SUMMARY -> summary;
          default -> ignored;
        };
        addIfText(target, label.group("rest"));
        return 1;
      }
      Determinations.Statement st = Determinations.at(lines, i);
      if (st != null) {
        statements.add(st);
        if (part == Part.ITEM && sections.get(sections.size() - 1).restates(st)) {
          // the section's rationale concludes in the statement's words: it is the section's text
          for (int k = 0; k < st.lineCount(); k++) {
            sections.get(sections.size() - 1).add(lines.get(i + k));
          }
        } else if (part == Part.QUALIFICATIONS || part == Part.SUMMARY || part == Part.DOCUMENTS || part == Part.ITEM) {
          // after the qualifications and the summary, a statement heads its item's section
          startSection(new SectionBuilder(st.number(), st.item(), st.outcome()));
        }
        return st.lineCount();
      }
      if (part != Part.TRAILER) {
        int taken = itemHeading(lines, i);
        if (taken > 0) {
          return taken;
        }
      }
      if (part == Part.ITEM) {
        sections.get(sections.size() - 1).add(line);
      } else {
        target.add(line);
      }
      return 1;
    }

    private void startSection(SectionBuilder s) {
      sections.add(s);
      part = Part.ITEM;
    }

    /** An item heading at line i ("1) Regarding the request for X:", "1. Issue/s at dispute: X"): lines taken, or 0. */
    private int itemHeading(List<String> lines, int i) {
      Matcher m = REGARDING.matcher(lines.get(i));
      boolean regarding = m.matches();
      if (!regarding && !(m = ISSUE.matcher(lines.get(i))).matches()) {
        return 0;
      }
      String first = m.group(2).strip();
      boolean numbered = m.group(1) != null;
      // a "Regarding" heading runs on to its colon, an issue heading to the first label under it
      StringBuilder text = new StringBuilder(first);
      int taken = 1;
      boolean complete = regarding ? first.endsWith(":") : labelAt(lines, i + 1);
      while (!complete && taken < MAX_HEADING_LINES && i + taken < lines.size()) {
        String next = lines.get(i + taken);
        if (isSectionLabel(next) || Text.NUMBERED.matcher(next).matches()) {
          break;
        }
        text.append(' ').append(next);
        taken++;
        complete = regarding ? next.endsWith(":") : labelAt(lines, i + taken);
      }
      if (!numbered && !(complete && labelAt(lines, i + taken) && i + taken < lines.size())) {
        return 0; // "Regarding the request for X, the guidelines …" is a rationale's sentence
      }
      startSection(new SectionBuilder(numbered ? Integer.valueOf(m.group(1)) : null, headingItem(complete ? text.toString() : first), null));
      return complete ? taken : 1;
    }

    Notice notice() {
      List<ItemSection> out = new ArrayList<>();
      for (SectionBuilder s : sections) {
        out.add(s.build());
      }
      String decisionText = Text.join(decision);
      Map<CoverFields.Label, String> dates = new EnumMap<>(CoverFields.Label.class);
      putDate(dates, CoverFields.Label.APPLICATION_RECEIVED, FILED, decisionText);
      putDate(dates, CoverFields.Label.UR_DENIAL_DATE, UR_DENIAL, decisionText);
      putDate(dates, CoverFields.Label.DATE_ASSIGNED, ASSIGNED, decisionText);
      return new Notice(header, statements, out, Text.join(qualifications), summaryOf(summary), dates);
    }
  }

  /** The texts under an item section's labels, in the order they come. */
  private static final class SectionBuilder {
    private enum Field { NONE, CLAIMS, REVIEWER, RATIONALE }

    final Integer number;
    final String item;
    final Outcome statedOutcome;
    final List<String> unlabeled = new ArrayList<>();
    final List<String> claims = new ArrayList<>();
    final List<String> reviewer = new ArrayList<>();
    final List<String> rationale = new ArrayList<>();
    Field field = Field.NONE;

    SectionBuilder(Integer number, String item, Outcome statedOutcome) {
      this.number = number;
      this.item = item;
      this.statedOutcome = statedOutcome;
    }

    /** True when the statement is about this section's item (its number, or unnumbered, its words). */
    boolean restates(Determinations.Statement st) {
      return st.number() != null ? st.number().equals(number)
          : item != null && Determinations.key(item).equals(Determinations.key(st.item()));
    }

        void add(String line) {
      Matcher m;
      if ((m = CLAIMS.matcher(line)).matches()) {
        field = Field.CLAIMS;
      } else if ((m = REVIEWER.matcher(line)).matches()) {
        field = Field.REVIEWER;
      } else if ((m = RATIONALE.matcher(line)).matches()) {
        field = Field.RATIONALE;
      } else {
        m = null;
      }
      List<String> to = switch (field) {
        case NONE -> unlabeled;
        case CLAIMS -> claims;
        case REVIEWER -> reviewer;
        case RATIONALE -> rationale;
      };
      if (m == null) {
        to.add(line);
      } else {
        addIfText(to, m.group(1));
      }
    }

    ItemSection build() {
      List<String> why = new ArrayList<>(unlabeled);
      why.addAll(rationale);
      return new ItemSection(number, item, statedOutcome, Text.join(claims), Text.join(reviewer), Text.join(why));
    }
  }

  /** True when line j is a label, or past the end. */
  private static boolean labelAt(List<String> lines, int j) {
    return j >= lines.size() || isSectionLabel(lines.get(j));
  }

  private static boolean isSectionLabel(String line) {
    return CLAIMS.matcher(line).matches() || REVIEWER.matcher(line).matches() || RATIONALE.matcher(line).matches()
        || PART.matcher(line).matches();
  }

  private static Part partOf(Matcher m) {
    if (m.group("decision") != null) {
      return Part.DECISION;
    }
    if (m.group("qualifications") != null) {
      return Part.QUALIFICATIONS;
    }
    if (m.group("summary") != null) {
      return Part.SUMMARY;
    }
    return m.group("documents") != null ? Part.DOCUMENTS : Part.TRAILER;
  }

  /** The item of a section heading, without its question form and trailing colon. */
  static String headingItem(String heading) {
    Matcher m = QUESTION.matcher(heading.strip());
    return m.matches() ? m.group(1).strip() : heading.strip();
  }

  /** The case summary without the disclaimer that says where it was taken from; null when empty. */
  private static String summaryOf(List<String> lines) {
    String text = Text.join(lines);
    if (text == null) {
      return null;
    }
    String out = DISCLAIMER.matcher(text).replaceFirst("").strip();
    return out.isEmpty() ? null : out;
  }

  private static void putDate(Map<CoverFields.Label, String> out, CoverFields.Label label, Pattern p, String text) {
    Matcher m = p.matcher(text == null ? "" : text);
    if (m.find()) {
      out.put(label, m.group(1));
    }
  }

  private static void addIfText(List<String> to, String s) {
    if (s != null && !s.isBlank()) {
      to.add(s.strip());
    }
  }
}
