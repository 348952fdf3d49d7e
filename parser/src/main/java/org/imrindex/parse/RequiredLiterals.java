package org.imrindex.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plain strings one of which any match of a regular expression must contain, read from the
 * expression itself, so a scan can be skipped with {@link String#contains} when none occurs.
 *
 * <p>Each top-level alternative gives its longest run of literal characters outside groups,
 * classes and quantified characters ({@code mg} for {@code \d+\s*mg}). An expression with an
 * alternative that has no such run ({@code \b(?:gel|cream)\b}) or that uses constructs this reader
 * does not follow ({@code \Q}, inline flags) has no prefilter: it must always be tried. Skipping is
 * then exact: a text without any of the strings cannot match.
 */
final class RequiredLiterals {

  private final List<String> literals;

  private RequiredLiterals(List<String> literals) {
    this.literals = literals;
  }

  /** The prefilter of a regex, or empty when some match might contain no fixed string. */
  static Optional<RequiredLiterals> of(String regex) {
    List<String> out = new ArrayList<>();
    for (String alternative : topLevelAlternatives(regex)) {
      String literal = longestRun(alternative);
      if (literal == null || literal.isEmpty()) {
        return Optional.empty();
      }
      out.add(literal);
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(new RequiredLiterals(List.copyOf(out)));
  }

  /** Whether the text holds one of the strings (if not, the regex cannot match it). */
  boolean mayMatch(String text) {
    for (String l : literals) {
      if (text.contains(l)) {
        return true;
      }
    }
    return false;
  }

  List<String> literals() {
    return literals;
  }

  /** The regex split at its top-level {@code |}, or one alternative when a construct is not followed. */
  private static List<String> topLevelAlternatives(String regex) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    int i = 0;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '[') {
        i = afterClass(regex, i);
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        parts.add(regex.substring(start, i));
        start = i + 1;
      }
      i++;
    }
    parts.add(regex.substring(start));
    return parts;
  }

  /**
   * The longest run of characters the alternative must match literally, at group depth 0; null when
   * the alternative uses a construct this reader does not follow.
   */
  private static String longestRun(String alternative) {
    String best = "";
    StringBuilder run = new StringBuilder();
    int depth = 0;
    int i = 0;
    int n = alternative.length();
    while (i < n) {
      char c = alternative.charAt(i);
      char literal;
      if (c == '[') {
        i = afterClass(alternative, i);
        best = longer(best, run);
        run.setLength(0);
        continue;
      } else if (c == '(') {
        if (depth == 0 && i + 2 < n && alternative.charAt(i + 1) == '?' && Character.isLetter(alternative.charAt(i + 2))) {
          return null; // inline flags change how the rest matches
        }
        depth++;
        best = longer(best, run);
        run.setLength(0);
        i++;
        continue;
      } else if (c == ')') {
        depth--;
        i++;
        continue;
      } else if (c == '\\') {
        if (i + 1 >= n) {
          return null;
        }
        char e = alternative.charAt(i + 1);
        if (e == 'Q' || e == 'E') {
          return null;
        }
        i += 2;
        if (Character.isLetterOrDigit(e)) {
          // \b \d \s \w \p{..} \1: not one literal character
          if (e == 'p' || e == 'P') {
            int close = alternative.indexOf('}', i);
            i = close < 0 ? n : close + 1;
          }
          best = longer(best, run);
          run.setLength(0);
          continue;
        }
        literal = e;
      } else if (".^$?*+{".indexOf(c) >= 0) {
        if (c == '{') {
          int close = alternative.indexOf('}', i);
          i = close < 0 ? n : close;
        }
        best = longer(best, run);
        run.setLength(0);
        i++;
        continue;
      } else {
        literal = c;
        i++;
      }
      if (depth > 0) {
        continue;
      }
      if (i < n && "?*+{".indexOf(alternative.charAt(i)) >= 0) {
        best = longer(best, run); // a quantified character is optional or repeated: the run ends before it
        run.setLength(0);
      } else {
        run.append(literal);
      }
    }
    return longer(best, run);
  }

  /** The index just after the character class that starts at {@code open}. */
  private static int afterClass(String regex, int open) {
    int i = open + 1;
    if (i < regex.length() && regex.charAt(i) == '^') {
      i++;
    }
    if (i < regex.length() && regex.charAt(i) == ']') {
      i++; // a leading ] is a member
    }
    while (i < regex.length() && regex.charAt(i) != ']') {
      i += regex.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }

  private static String longer(String best, CharSequence run) {
    return run.length() > best.length() ? run.toString() : best;
  }

}
