package org.imrindex.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrindex.lexicon.DrugLexicon;
import org.imrindex.model.ServiceCategory;

/**
 * Assigns a service category to a disputed item from its wording, with the ordered rules of
 * {@code service-categories.txt} (first match wins; how they apply is written at the top of that file).
 */
final class ServiceCategorizer {

  static final String RESOURCE = "service-categories.txt";

  /**
   * One line of the rules file (or a run of them): the category an item gets when the pattern is
   * found in it. {@code literals}, when not null, are strings one of which every match contains: an
   * item holding none of them is not scanned.
   */
  record Rule(ServiceCategory category, Pattern pattern, int line, RequiredLiterals literals) {}

  private static final List<Rule> RULES = load();
  /** The rules with each run of consecutive same-category lines compiled as one alternation: one scan a run. */
  private static final List<Rule> GROUPED = grouped(RULES);
  private static final Pattern ASSOCIATED = Pattern.compile("^associated surgical services?\\s*:\\s*");

  private ServiceCategorizer() {}

  static ServiceCategory categorize(String item, DrugLexicon lexicon) {
    return categorize(item, lexicon, GROUPED);
  }

  /**
   * The same rules with consecutive lines of one category joined into one pattern: the first match
   * in file order gives the same category either way, with fewer scans of the item.
   */
  static List<Rule> grouped(List<Rule> rules) {
    List<Rule> out = new ArrayList<>();
    int i = 0;
    while (i < rules.size()) {
      Rule first = rules.get(i);
      StringBuilder regex = new StringBuilder("(?:").append(first.pattern().pattern()).append(')');
      // each line is a whole regex, so joining them with | is the same alternation without the groups
      StringBuilder flat = new StringBuilder(first.pattern().pattern());
      int j = i + 1;
      while (j < rules.size() && rules.get(j).category() == first.category()) {
        regex.append("|(?:").append(rules.get(j).pattern().pattern()).append(')');
        flat.append('|').append(rules.get(j).pattern().pattern());
        j++;
      }
      out.add(new Rule(first.category(), Pattern.compile(regex.toString()), first.line(),
          RequiredLiterals.of(flat.toString()).orElse(null)));
      i = j;
    }
    return List.copyOf(out);
  }

  static ServiceCategory categorize(String item, DrugLexicon lexicon, List<Rule> rules) {
    // the patterns are lowercase: matching lowercased text is cheaper than case-insensitive matching
    String lower = item.strip().toLowerCase(Locale.ROOT);
    Matcher associated = ASSOCIATED.matcher(lower);
    if (associated.lookingAt()) {
      ServiceCategory rest = firstRule(lower.substring(associated.end()), item.substring(associated.end()), lexicon, rules);
      return rest == ServiceCategory.OTHER ? ServiceCategory.SURGERY : rest;
    }
    return firstRule(lower, item, lexicon, rules);
  }

  private static ServiceCategory firstRule(String lower, String item, DrugLexicon lexicon, List<Rule> rules) {
    boolean drugNamed = !lexicon.findAll(item).isEmpty();
    for (Rule r : rules) {
      ServiceCategory c = r.category();
      if (drugNamed && (c == ServiceCategory.DME || c == ServiceCategory.SURGERY)) {
        continue;
      }
      if ((drugNamed && c == ServiceCategory.PHARMACEUTICAL)
          || ((r.literals() == null || r.literals().mayMatch(lower)) && r.pattern().matcher(lower).find())) {
        return c;
      }
    }
    return ServiceCategory.OTHER;
  }

  /** The rules of the bundled file, in order. */
  static List<Rule> rules() {
    return RULES;
  }

  private static List<Rule> load() {
    return parse(RuleFile.resource(ServiceCategorizer.class, RESOURCE));
  }

  /** Reads rules written as {@code category | regex} lines; # starts a comment line. */
  static List<Rule> parse(String text) {
    List<Rule> rules = new ArrayList<>();
    for (RuleFile.Line l : RuleFile.lines(RESOURCE, text, "category | pattern")) {
      int no = l.number();
      String name = l.key();
      String regex = l.value();
      ServiceCategory category;
      try {
        category = ServiceCategory.valueOf(name.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(RESOURCE + " line " + no + ": unknown category '" + name + "'");
      }
      if (regex.isEmpty() || !regex.equals(regex.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(RESOURCE + " line " + no + ": the pattern must be lowercase and not empty");
      }
      rules.add(new Rule(category, Pattern.compile(regex), no, RequiredLiterals.of(regex).orElse(null)));
    }
    if (rules.isEmpty()) {
      throw new IllegalArgumentException(RESOURCE + ": no rules");
    }
    return List.copyOf(rules);
  }
}
