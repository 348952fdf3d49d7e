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

  /** A statement of medical necessity, with "not"/"non" captured when it is negated. */
  private static final Pattern NECESSITY = Pattern.compile(
      "(?i)\\b(?:(not|non|never)[- ]+(?:\\w+\\s+){0,2}?)?medically\\s*(?:necessary|reasonable|indicated|appropriate)");
  /**
   * The same when PDF text lost the space before "medically" ("is notmedically necessary", "ismedically
   * necessary"); slower, so only for text that has such a word.
   */
  private static final Pattern GLUED_NECESSITY = Pattern.compile(
      "(?i)\\b(?:(not|non|never)(?:[- ]+(?:\\w+\\s+){0,2}?)?|(?:is|are|was|were|be))?medically\\s*(?:necessary|reasonable|indicated|appropriate)");
  private static final Pattern WEAKER = Pattern.compile(
      "(?i)\\b(non-?certified|not\\s+certified|(?:is|are|was|were)\\s+not\\s+(?:supported|warranted|recommended|indicated)|cannot\\s+be\\s+(?:recommended|supported|certified)|upheld)"
          + "|\\b((?:is|are|was|were)\\s+(?:certified|supported|warranted|recommended|indicated)|overturned)\\b");

  private OutcomeReader() {}

  /** True when a letter comes right before "medically" ("notmedically"): a plain scan, no regex. */
  private static boolean glued(String text) {
    for (int i = text.indexOf("edically"); i >= 0; i = text.indexOf("edically", i + 1)) {
      if (i >= 2 && Character.isLetter(text.charAt(i - 2))) {
        return true;
      }
    }
    return false;
  }

  /** The outcome the text concludes with, or null if it states none. */
  static Outcome read(String text) {
    if (text == null) {
      return null;
    }
    Outcome last = null;
    Matcher m = (glued(text) ? GLUED_NECESSITY : NECESSITY).matcher(text);
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
