package org.imrindex.query;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The words and phrases that state a decision's outcome (resource {@code outcome-phrases.txt}), left out of outcome comparisons. */
public final class OutcomePhrases {

  /** The resource's name, beside this class. */
  public static final String RESOURCE = "outcome-phrases.txt";

  private static final Set<String> STANDARD = parse(read());

  private OutcomePhrases() {}

  /** The phrases of the bundled resource, in file order. */
  public static Set<String> standard() {
    return STANDARD;
  }

  /** The terms of a phrase file's text; a line that is not one or two lowercase words separated by one space is refused with its number. */
  static Set<String> parse(String text) {
    Set<String> out = new LinkedHashSet<>();
    int no = 0;
    for (String line : text.split("\n", -1)) {
      no++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String[] words = t.split(" ", -1);
      if (words.length > 2 || !t.equals(t.toLowerCase(Locale.ROOT)) || t.contains("  ") || t.contains("\t")) {
        throw new IllegalArgumentException(RESOURCE + " line " + no + ": expected one or two lowercase words, got '" + t + "'");
      }
      if (!out.add(t)) {
        throw new IllegalArgumentException(RESOURCE + " line " + no + ": '" + t + "' is listed twice");
      }
    }
    return Collections.unmodifiableSet(out);
  }

  private static String read() {
    return RuleResources.read(RESOURCE);
  }
}
