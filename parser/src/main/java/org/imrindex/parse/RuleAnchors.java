package org.imrindex.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A prefilter for a rule pattern that {@link RequiredLiterals} alone cannot give: strings one of which
 * every match contains, read from the pattern's structure. A pattern {@code a|b} needs one string of
 * {@code a}'s or of {@code b}'s; a sequence needs any one of its parts: its longest literal run outside
 * groups, or a group it must match (not quantified, not a lookaround), read the same way inside. Of the
 * parts a literal run of six letters or more is kept, else the part whose shortest string is longest
 * ({@code \b(?:no|not)\b.*\b(?:pain relief|functional gains)} gives "pain relief", "functional gains"),
 * so the skip stays exact: a text holding none of the strings cannot match.
 */
final class RuleAnchors {

  /** A literal run outside groups at least this long is kept without looking into the groups. */
  private static final int LONG_RUN = 6;

  private RuleAnchors() {}

  /** The strings of the best prefilter of {@code regex}, or empty when it has none. */
  static Optional<List<String>> of(String regex) {
    List<String> parts = alternatives(regex);
    if (parts.size() > 1) {
      List<String> union = new ArrayList<>();
      for (String part : parts) {
        Optional<List<String>> one = of(part);
        if (one.isEmpty()) {
          return Optional.empty();
        }
        one.get().stream().filter(l -> !union.contains(l)).forEach(union::add);
      }
      return Optional.of(List.copyOf(union));
    }
    List<String> best = RequiredLiterals.of(regex).map(RequiredLiterals::literals).orElse(null);
    if (best != null && best.get(0).strip().length() >= LONG_RUN) {
      return Optional.of(best); // a literal run this long is rarer than the common words of most groups
    }
    int n = regex.length();
    int i = 0;
    while (i < n) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '[') {
        i = afterClass(regex, i);
      } else if (c == '(') {
        int close = closing(regex, i);
        if (close < 0) {
          break;
        }
        boolean plain = regex.startsWith("(?:", i);
        boolean quantified = close + 1 < n && "?*+{".indexOf(regex.charAt(close + 1)) >= 0;
        if (plain && !quantified) {
          List<String> inner = of(regex.substring(i + 3, close)).orElse(null);
          if (inner != null && (best == null || shortest(inner) > shortest(best))) {
            best = inner;
          }
        }
        i = close + 1;
      } else {
        i++;
      }
    }
    return best == null || shortest(best) == 0 ? Optional.empty() : Optional.of(best);
  }

  private static int shortest(List<String> literals) {
    int min = Integer.MAX_VALUE;
    for (String s : literals) {
      min = Math.min(min, s.strip().length());
    }
    return min;
  }

  /** The pattern split at its top-level {@code |}. */
  private static List<String> alternatives(String regex) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        i = afterClass(regex, i) - 1;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        parts.add(regex.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(regex.substring(start));
    return parts;
  }

  /** The index of the parenthesis closing the group that opens at {@code open}, or -1. */
  private static int closing(String regex, int open) {
    int depth = 0;
    for (int i = open; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        i = afterClass(regex, i) - 1;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The index just after the character class that starts at {@code open}. */
  private static int afterClass(String regex, int open) {
    int i = open + 1;
    if (i < regex.length() && regex.charAt(i) == '^') {
      i++;
    }
    if (i < regex.length() && regex.charAt(i) == ']') {
      i++;
    }
    while (i < regex.length() && regex.charAt(i) != ']') {
      i += regex.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }
}
