package org.imrindex.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrindex.model.Outcome;

/**
 * Reads an outcome from prose: "is not medically necessary" means the denial is upheld, "is medically
 * necessary" that it is overturned, with or without the spaces PDF text loses. The last conclusion in
 * the text wins, as rationales end with it.
 */
final class OutcomeReader {

  /**
   * A statement of medical necessity, with "not"/"non" captured when it is negated. PDF text may lose
   * the space before "medically" ("is notmedically necessary", "ismedically necessary") or after it.
   */
  private static final Pattern NECESSITY = Pattern.compile(
      "(?i)(?:\\b(?:(not|non|never)(?:[- ]+(?:\\w+\\s+){0,2}?|(?=medically)))?|(?<=(?<![\\p{L}])(?:is|are|was|were|be)))"
          + "medically\\s*(?:necessary|reasonable|indicated|appropriate)");
  private static final Pattern WEAKER = Pattern.compile(
      "(?i)\\b(non-?certified|not\\s+certified|(?:is|are|was|were)\\s+not\\s+(?:supported|warranted|recommended|indicated)|cannot\\s+be\\s+(?:recommended|supported|certified)|upheld)"
          + "|\\b((?:is|are|was|were)\\s+(?:certified|supported|warranted|recommended|indicated)|overturned)\\b");

  private OutcomeReader() {}

  /** The outcome the text concludes with, or null if it states none. */
  static Outcome read(String text) {
    if (text == null) {
      return null;
    }
    Outcome last = null;
    Matcher m = NECESSITY.matcher(text);
    while (m.find()) {
      last = m.group(1) != null ? Outcome.UPHELD : Outcome.OVERTURNED;
    }
    if (last != null) {
      return last;
    }
    m = WEAKER.matcher(text);
    while (m.find()) {
      last = m.group(1) != null ? Outcome.UPHELD : Outcome.OVERTURNED;
    }
    return last;
  }
}
