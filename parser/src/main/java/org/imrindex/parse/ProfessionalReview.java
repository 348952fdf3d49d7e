package org.imrindex.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrindex.model.Outcome;

/**
 * Decisions of the "medical professional review" layout: items listed under ISSUE AT DISPUTE, one
 * guideline section and one rationale section whose heading is a template ("IS/WAS NOT MEDICALLY
 * NECESSARY"), so each item's outcome is read from what the rationale concludes about it.
 */
final class ProfessionalReview {

  private static final Pattern QUESTION = Pattern.compile(
      "(?i)^(?:(?:is|are|was|were|whether)\\s+(?:the\\s+)?(?:(?:prospective|retrospective|concurrent)\\s+)?(?:request(?:ed)?\\s+(?:for\\s+)?)?"
          + "|(?:requested\\s+)?(?:treatment|service)s?(?:\\s*/\\s*services?)?\\s*(?:requested)?\\s*:\\s*"
          + "|(?:the\\s+)?(?:(?:prospective|retrospective|concurrent)\\s+)?request(?:ed)?\\s+for\\s+)");
  private static final Pattern NECESSITY_TAIL = Pattern.compile(
      "(?i)\\s*,?\\s*(?:(?:is|are|was|were)\\s+)?(?:(?:not|non)\\s+)?(?:medically\\s+necessary(?:\\s+(?:and|or)\\s+appropriate)?)?\\s*[?.]?\\s*$");

  private ProfessionalReview() {}

  static List<RawDecision> parse(List<String> issueLines, List<String> guidelineLines, List<String> rationaleLines) {
    List<String> items = numberedOrWhole(issueLines);
    List<String> cleanedItems = new ArrayList<>();
    for (String item : items) {
      String s = QUESTION.matcher(item).replaceFirst("");
      s = NECESSITY_TAIL.matcher(s).replaceFirst("").strip();
      if (!s.isEmpty()) {
        cleanedItems.add(s);
      }
    }
    List<String> guidelines = perItem(guidelineLines, cleanedItems.size());
    List<String> rationales = perItem(rationaleLines, cleanedItems.size());
    List<RawDecision> out = new ArrayList<>();
    for (int k = 0; k < cleanedItems.size(); k++) {
      String item = cleanedItems.get(k);
      String rationale = rationales.get(Math.min(k, rationales.size() - 1));
      Outcome outcome = cleanedItems.size() > 1 && rationales.size() == 1
          ? outcomeAbout(item, rationale) : OutcomeReader.read(rationale);
      out.add(new RawDecision(item, outcome, null, guidelines.get(Math.min(k, guidelines.size() - 1)), rationale));
    }
    return out;
  }

  /** Items numbered "1." "2." … each with its wrapped lines; otherwise the whole text is one item. */
  private static List<String> numberedOrWhole(List<String> lines) {
    List<List<String>> parts = numbered(lines);
    List<String> out = new ArrayList<>();
    if (parts == null) {
      String whole = Text.join(lines);
      if (whole != null) {
        out.add(whole);
      }
      return out;
    }
    for (List<String> p : parts) {
      out.add(Text.join(p));
    }
    return out;
  }

  /** Splits at lines numbered 1, 2, 3 … in sequence; null when the lines are not so numbered. */
  private static List<List<String>> numbered(List<String> lines) {
    List<List<String>> parts = new ArrayList<>();
    List<String> preamble = new ArrayList<>();
    for (String line : lines) {
      Matcher m = Text.NUMBERED.matcher(line);
      if (m.matches() && Integer.parseInt(m.group(1)) == parts.size() + 1) {
        parts.add(new ArrayList<>(List.of(m.group(2))));
      } else if (parts.isEmpty()) {
        preamble.add(line);
      } else {
        parts.get(parts.size() - 1).add(line);
      }
    }
    return parts.isEmpty() ? null : parts;
  }

  /** One text per item when the section is numbered like the items, else the whole text once. */
  private static List<String> perItem(List<String> lines, int items) {
    List<List<String>> parts = numbered(lines);
    List<String> out = new ArrayList<>();
    if (parts != null && parts.size() == items && items > 1) {
      for (List<String> p : parts) {
        out.add(Text.join(p));
      }
      return out;
    }
    out.add(Text.join(lines));
    return out;
  }

  /** The conclusion the shared rationale draws about one item: the sentences that name it. */
  private static Outcome outcomeAbout(String item, String rationale) {
    if (rationale == null) {
      return null;
    }
    String key = keyWord(item);
    StringBuilder about = new StringBuilder();
    for (String sentence : rationale.split("(?<=[.!?])\\s+")) {
      if (key != null && sentence.toLowerCase(Locale.ROOT).contains(key)) {
        about.append(sentence).append(' ');
      }
    }
    Outcome o = OutcomeReader.read(about.toString());
    return o != null ? o : OutcomeReader.read(rationale);
  }

  private static String keyWord(String item) {
    for (String w : item.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (w.length() >= 4) {
        return w;
      }
    }
    return null;
  }
}
