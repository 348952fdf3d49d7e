package org.imrindex.parse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.imrindex.model.Outcome;
import org.imrindex.model.Reason;
import org.imrindex.model.ReasonCode;

/**
 * Reads why a decision came out as it did from its rationale, sentence by sentence, with the rules of
 * {@code reasons.txt} (how they apply is written at the top of that file): each code once, with the
 * first sentence that gave it.
 */
final class ReasonClassifier {

  static final String RESOURCE = "reasons.txt";

  /** What a rule line does. */
  enum Kind {
    /** A sentence about the patient (not a paraphrase of the guideline) that matches gives the code. */
    FINDING,
    /** Any sentence that matches gives the code, a paraphrase of the guideline too. */
    ALWAYS,
    /** A sentence about the patient that matches gives the code when no other code's rule matched it (a general gap). */
    FALLBACK,
    /** A sentence that matches cannot give the code (a negation, a dismissed mention). */
    UNLESS,
    /** A sentence that matches paraphrases the guideline, unless it also matches a {@link #ABOUT} rule. */
    GUIDELINE,
    /** A sentence that matches is about this patient or request, even when it also paraphrases the guideline. */
    ABOUT,
    /** A sentence that matches gives no reason at all (a derivative denial, a summary of UR's decision). */
    IGNORE
  }

  /**
   * One rule: a line of the file. {@code query} is what every sentence it matches holds
   * ({@link LiteralQuery}), {@code prefilter} the same on the hits of the rules' {@link LiteralScanner}:
   * a sentence that fails it is not scanned by the pattern.
   */
  record Rule(ReasonCode code, Kind kind, Pattern pattern, int line, LiteralQuery query, LiteralScanner.Condition prefilter) {

    /** Whether the pattern matches the lowercased sentence, its strings found by {@link String#contains}. */
    boolean find(String lower) {
      return query.test(lower::contains) && pattern.matcher(lower).find();
    }

    /** Whether the pattern matches the lowercased sentence whose {@link Rules#scanner()} hits these are. */
    boolean find(String lower, long[] hits) {
      return prefilter.test(hits) && pattern.matcher(lower).find();
    }
  }

  /** The rules of one file, grouped for matching. */
  record Rules(List<Rule> lines, LiteralScanner scanner, Map<ReasonCode, List<Rule>> finding, Map<ReasonCode, List<Rule>> always,
      Map<ReasonCode, List<Rule>> fallback, Map<ReasonCode, List<Rule>> unless, List<Rule> guideline, List<Rule> about, List<Rule> ignore) {}

  private static final Rules RULES = parse(RuleFile.resource(ReasonClassifier.class, RESOURCE));

  private ReasonClassifier() {}

  /** The reasons of a decision with this rationale and outcome, in {@link ReasonCode} order. */
  static List<Reason> classify(String rationale, Outcome outcome) {
    return classify(rationale, outcome, RULES);
  }

  static List<Reason> classify(String rationale, Outcome outcome, Rules rules) {
    List<String> sentences = Sentences.split(rationale);
    Map<ReasonCode, String> found = new EnumMap<>(ReasonCode.class);
    boolean overturned = outcome == Outcome.OVERTURNED;
    for (String sentence : sentences) {
      String lower = sentence.toLowerCase(Locale.ROOT);
      long[] hits = rules.scanner().scan(lower);
      if (any(rules.ignore(), lower, hits)) {
        continue;
      }
      boolean background = any(rules.guideline(), lower, hits) && !any(rules.about(), lower, hits);
      boolean gaveOne = false;
      for (ReasonCode code : ReasonCode.values()) {
        // an overturned decision is read for criteria met only, an upheld one for the grounds of denial
        if (wanted(code, overturned) && gives(rules, code, lower, hits, background, false)) {
          gaveOne = true;
          found.putIfAbsent(code, sentence);
        }
      }
      if (!gaveOne) {
        for (ReasonCode code : ReasonCode.values()) {
          if (wanted(code, overturned) && gives(rules, code, lower, hits, background, true)) {
            found.putIfAbsent(code, sentence);
          }
        }
      }
    }
    if (overturned && !found.containsKey(ReasonCode.CRITERIA_MET) && !sentences.isEmpty()) {
      // the reviewer found the treatment necessary: the rationale's conclusion says so
      found.put(ReasonCode.CRITERIA_MET, sentences.get(sentences.size() - 1));
    }
    List<Reason> out = new ArrayList<>();
    found.forEach((code, sentence) -> out.add(new Reason(code, sentence)));
    return List.copyOf(out);
  }

  private static boolean wanted(ReasonCode code, boolean overturned) {
    return (code == ReasonCode.CRITERIA_MET) == overturned;
  }

  /** Whether the sentence gives the code by its finding and always rules, or (when {@code fallback}) by its fallback rules. */
  private static boolean gives(Rules rules, ReasonCode code, String lower, long[] hits, boolean background, boolean fallback) {
    boolean match = fallback
        ? !background && any(rules.fallback().get(code), lower, hits)
        : (!background && any(rules.finding().get(code), lower, hits)) || any(rules.always().get(code), lower, hits);
    return match && !any(rules.unless().get(code), lower, hits);
  }

  private static boolean any(List<Rule> rules, String lower, long[] hits) {
    if (rules == null) {
      return false;
    }
    for (Rule r : rules) {
      if (r.find(lower, hits)) {
        return true;
      }
    }
    return false;
  }

  /** The rules of the bundled file. */
  static Rules rules() {
    return RULES;
  }

  /**
   * Reads rules written as {@code key | regex} lines, the key a code with an optional kind
   * ({@code not_recommended}, {@code not_recommended always}, {@code insufficient_documentation fallback},
   * {@code criteria_met unless}) or one of
   * {@code guideline}, {@code about}, {@code ignore}; # starts a comment line.
   */
  static Rules parse(String text) {
    record Read(ReasonCode code, Kind kind, Pattern pattern, int line, LiteralQuery query) {}
    List<Read> read = new ArrayList<>();
    for (RuleFile.Line l : RuleFile.lines(RESOURCE, text, "code [always|fallback|unless] | pattern")) {
      int no = l.number();
      String regex = l.value();
      if (regex.isEmpty() || !regex.equals(regex.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(RESOURCE + " line " + no + ": the pattern must be lowercase and not empty");
      }
      String[] key = l.key().split("\\s+");
      ReasonCode code = null;
      Kind kind;
      if (key.length == 1 && List.of("guideline", "about", "ignore").contains(key[0])) {
        kind = Kind.valueOf(key[0].toUpperCase(Locale.ROOT));
      } else {
        try {
          code = ReasonCode.of(key[0]);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(RESOURCE + " line " + no + ": unknown code '" + key[0] + "'");
        }
        if (key.length == 1) {
          kind = Kind.FINDING;
        } else if (key.length == 2 && List.of("always", "fallback", "unless").contains(key[1])) {
          kind = Kind.valueOf(key[1].toUpperCase(Locale.ROOT));
        } else {
          throw new IllegalArgumentException(RESOURCE + " line " + no + ": expected 'code', 'code always', 'code fallback' or 'code unless', not '"
              + l.key() + "'");
        }
      }
      Pattern p;
      try {
        p = Pattern.compile(regex);
      } catch (java.util.regex.PatternSyntaxException e) {
        throw new IllegalArgumentException(RESOURCE + " line " + no + ": " + e.getDescription());
      }
      read.add(new Read(code, kind, p, no, LiteralQuery.of(regex)));
    }
    if (read.isEmpty()) {
      throw new IllegalArgumentException(RESOURCE + ": no rules");
    }
    List<String> strings = new ArrayList<>();
    read.forEach(r -> strings.addAll(r.query().named()));
    LiteralScanner scanner = new LiteralScanner(strings);
    List<Rule> lines = new ArrayList<>();
    for (Read r : read) {
      lines.add(new Rule(r.code(), r.kind(), r.pattern(), r.line(), r.query(), scanner.bind(r.query())));
    }
    Map<ReasonCode, List<Rule>> finding = new EnumMap<>(ReasonCode.class);
    Map<ReasonCode, List<Rule>> always = new EnumMap<>(ReasonCode.class);
    Map<ReasonCode, List<Rule>> fallback = new EnumMap<>(ReasonCode.class);
    Map<ReasonCode, List<Rule>> unless = new EnumMap<>(ReasonCode.class);
    for (ReasonCode code : ReasonCode.values()) {
      putGrouped(finding, code, lines, Kind.FINDING);
      putGrouped(always, code, lines, Kind.ALWAYS);
      putGrouped(fallback, code, lines, Kind.FALLBACK);
      putGrouped(unless, code, lines, Kind.UNLESS);
    }
    return new Rules(List.copyOf(lines), scanner, finding, always, fallback, unless, grouped(lines, null, Kind.GUIDELINE),
        grouped(lines, null, Kind.ABOUT), grouped(lines, null, Kind.IGNORE));
  }

  private static void putGrouped(Map<ReasonCode, List<Rule>> map, ReasonCode code, List<Rule> lines, Kind kind) {
    List<Rule> g = grouped(lines, code, kind);
    if (!g.isEmpty()) {
      map.put(code, g);
    }
  }

  /**
   * The lines of one code and kind, each with its own prefilter: a sentence is scanned only by the lines
   * whose condition it meets (joining the lines into one alternation would let the weakest condition
   * decide for all of them). Which line matches does not matter, only whether one does.
   */
  private static List<Rule> grouped(List<Rule> lines, ReasonCode code, Kind kind) {
    List<Rule> out = new ArrayList<>();
    for (Rule r : lines) {
      if (r.code() == code && r.kind() == kind) {
        out.add(r);
      }
    }
    return List.copyOf(out);
  }


}
