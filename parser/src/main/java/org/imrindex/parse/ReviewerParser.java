package org.imrindex.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrindex.model.Reviewer;

/**
 * Reads the reviewer's credentials in the three forms letters use: labelled lines ("State(s) of
 * Licensure:", "Certification(s)/Specialty:"), the older prose ("Board Certified in X … licensed to
 * practice in Y and Z"), and the qualifications paragraph of the professional-review layout.
 */
final class ReviewerParser {

  private static final Pattern LICENSURE = Pattern.compile("(?i)^states?\\s*(?:\\(s\\))?\\s+of\\s+licensure\\s*:\\s*(.*)$");
  private static final Pattern SPECIALTY = Pattern.compile(
      "(?i)^(?:certifications?\\s*(?:\\(s\\))?\\s*/\\s*specialt(?:y|ies)\\s*(?:\\(ies\\))?|board\\s+certifications?|specialt(?:y|ies)|certifications?)\\s*:\\s*(.*)$");
  private static final Pattern SUBSPECIALTY = Pattern.compile("(?i)^sub-?specialt(?:y|ies)\\s*(?:\\(ies\\))?\\s*:\\s*(.*)$");
  /** Longer "sentences" are not credentials but text without full stops. */
  private static final int MAX_SENTENCE = 1000;
  private static final Pattern CERTIFIED_IN = Pattern.compile(
      "(?i)board[- ]certified\\s+(?:in|as\\s+an?|by\\s+the\\s+American\\s+Board\\s+of)\\s+(.*?)(?=,?\\s+(?:and\\s+)?(?:has|with|is|who)\\s|,?\\s+(?:and\\s+)?licensed|\\.|$)");
  private static final Pattern SUB_IN = Pattern.compile(
      "(?i)sub-?specialt(?:y|ies)\\s+(?:in|of)\\s+(.*?)(?=,?\\s+(?:and\\s+)?(?:is\\s+)?licensed|\\.|$)");
  private static final Pattern LICENSED_IN = Pattern.compile("(?i)licensed(?:\\s+to\\s+practice)?(?:\\s+medicine)?\\s+in\\s+(?:the\\s+states?\\s+of\\s+)?([^.]*)");

  private ReviewerParser() {}

  /** Credentials from labelled lines or prose in the given lines; empty lists when none. */
  static Reviewer read(List<String> lines) {
    Reviewer labelled = labelled(lines);
    if (labelled != null) {
      return labelled;
    }
    return prose(Text.join(lines));
  }

  private static Reviewer labelled(List<String> lines) {
    String states = null;
    String specialties = null;
    String subspecialties = null;
    List<String> raw = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher m;
      if ((m = LICENSURE.matcher(line)).matches()) {
        states = valueWithWrap(lines, i, m.group(1), raw);
      } else if ((m = SUBSPECIALTY.matcher(line)).matches()) {
        subspecialties = valueWithWrap(lines, i, m.group(1), raw);
      } else if ((m = SPECIALTY.matcher(line)).matches()) {
        specialties = valueWithWrap(lines, i, m.group(1), raw);
      }
    }
    if (states == null && specialties == null) {
      return null;
    }
    Specialties.Found found = Specialties.find(specialties == null ? "" : specialties, true);
    List<String> subs = new ArrayList<>(found.subspecialties());
    if (subspecialties != null) {
      Specialties.Found more = Specialties.find(subspecialties, true);
      for (String s : concat(more.subspecialties(), more.specialties())) {
        if (!subs.contains(s)) {
          subs.add(s);
        }
      }
    }
    return new Reviewer(found.specialties(), subs, states == null ? List.of() : States.namesOrCodes(states),
        String.join("\n", raw));
  }

  /** The label's value plus a following line that continues it (not a label, not a heading). */
  private static String valueWithWrap(List<String> lines, int i, String value, List<String> raw) {
    raw.add(lines.get(i));
    String v = value;
    if (i + 1 < lines.size()) {
      String next = lines.get(i + 1);
      boolean continues = (v.endsWith(",") || v.endsWith("&") || v.endsWith(" and") || v.isBlank())
          && !next.contains(":");
      // a board name broken over the line ("… Occupational" / "Medicine"): the joined text names more
      continues = continues || (!next.isBlank() && !next.contains(":") && next.strip().length() <= 60
          && Specialties.count(v + " " + next) > Specialties.count(v));
      if (continues) {
        raw.add(next);
        v = v + " " + next;
      }
    }
    return v.strip();
  }

  /** Credentials written as sentences. */
  static Reviewer prose(String text) {
    if (text == null) {
      return empty();
    }
    List<String> sentences = new ArrayList<>();
    // a linear split: a regex scanning for the sentence around a keyword is quadratic on long
    // text without full stops, which a hostile file can supply
    for (String sentence : text.split("(?<=\\.)")) {
      String lower = sentence.toLowerCase(Locale.ROOT);
      if (sentence.length() <= MAX_SENTENCE && sentence.endsWith(".")
          && (lower.contains("board certified") || lower.contains("board-certified") || lower.contains("licensed"))) {
        sentences.add(sentence.strip());
      }
    }
    if (sentences.isEmpty()) {
      return empty();
    }
    String raw = String.join(" ", sentences);
    List<String> specs = new ArrayList<>();
    List<String> subs = new ArrayList<>();
    Matcher c = CERTIFIED_IN.matcher(raw);
    if (c.find()) {
      Specialties.Found f = Specialties.find(c.group(1), true);
      specs.addAll(f.specialties());
      subs.addAll(f.subspecialties());
    } else {
      Specialties.Found f = Specialties.find(raw, false);
      specs.addAll(f.specialties());
      subs.addAll(f.subspecialties());
    }
    Matcher sub = SUB_IN.matcher(raw);
    if (sub.find()) {
      Specialties.Found f = Specialties.find(sub.group(1), true);
      for (String x : concat(f.subspecialties(), f.specialties())) {
        if (!subs.contains(x)) {
          subs.add(x);
        }
        specs.remove(x);
      }
    }
    List<String> states = new ArrayList<>();
    Matcher l = LICENSED_IN.matcher(raw);
    while (l.find()) {
      for (String code : States.names(l.group(1))) {
        if (!states.contains(code)) {
          states.add(code);
        }
      }
    }
    return new Reviewer(specs, subs, states, raw);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  static Reviewer empty() {
    return new Reviewer(List.of(), List.of(), List.of(), null);
  }
}
