package org.imrindex.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a regular expression into the {@link LiteralQuery} its matches satisfy, by recursive descent
 * over alternations, sequences, groups, classes and quantifiers. Throws
 * {@link IllegalArgumentException} on a construct it does not follow.
 */
final class RegexReader {

  /** The most strings a set is kept with; a larger one is given up (a weaker but still true condition). */
  private static final int MAX_STRINGS = 64;
  /** A class of at most this many plain characters is read as those characters. */
  private static final int MAX_CLASS = 8;

  /**
   * What is known of the matches of a part: the strings it matches ({@code exact}, null when unknown or
   * too many), else strings every match starts with ({@code prefix}) and ends with ({@code suffix})
   * ("" among them when nothing is known) and a condition on the whole match.
   */
  private record Info(Set<String> exact, Set<String> prefix, Set<String> suffix, LiteralQuery match) {

    static final Info UNKNOWN = new Info(null, Set.of(""), Set.of(""), LiteralQuery.ALWAYS);
    static final Info EMPTY = exact(Set.of(""));

    static Info exact(Set<String> strings) {
      return new Info(strings, null, null, null);
    }

    Set<String> starts() {
      return exact != null ? exact : prefix;
    }

    Set<String> ends() {
      return exact != null ? exact : suffix;
    }

    /** The condition every match of this part meets. */
    LiteralQuery full() {
      if (exact != null) {
        return LiteralQuery.anyOf(exact);
      }
      return LiteralQuery.allOf(List.of(match, LiteralQuery.anyOf(prefix), LiteralQuery.anyOf(suffix)));
    }
  }

  private final String re;
  private int pos;

  RegexReader(String regex) {
    this.re = regex;
  }

  LiteralQuery read() {
    Info info = alternation();
    if (pos != re.length()) {
      throw new IllegalArgumentException("unbalanced ) at " + pos);
    }
    return info.full();
  }

  private Info alternation() {
    Info out = sequence();
    while (pos < re.length() && re.charAt(pos) == '|') {
      pos++;
      out = either(out, sequence());
    }
    return out;
  }

  private Info sequence() {
    Info out = Info.EMPTY;
    while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
      out = then(out, quantified(atom()));
    }
    return out;
  }

  private Info quantified(Info atom) {
    if (pos >= re.length()) {
      return atom;
    }
    char c = re.charAt(pos);
    int min;
    int max;
    if (c == '?') {
      min = 0;
      max = 1;
      pos++;
    } else if (c == '*') {
      min = 0;
      max = Integer.MAX_VALUE;
      pos++;
    } else if (c == '+') {
      min = 1;
      max = Integer.MAX_VALUE;
      pos++;
    } else if (c == '{') {
      int close = re.indexOf('}', pos);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed {");
      }
      String[] range = re.substring(pos + 1, close).split(",", -1);
      min = Integer.parseInt(range[0].strip());
      max = range.length == 1 ? min : range[1].isBlank() ? Integer.MAX_VALUE : Integer.parseInt(range[1].strip());
      pos = close + 1;
    } else {
      return atom;
    }
    if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
      pos++; // lazy or possessive: the same strings
    }
    Info out;
    if (min == 0 && max == 1) {
      out = either(atom, Info.EMPTY);
    } else if (min == 0) {
      out = Info.UNKNOWN;
    } else {
      // at least once: a match starts with the part's start and ends with its end, and holds a match of it
      out = new Info(null, atom.starts(), atom.ends(), atom.full());
    }
    return quantified(out); // a quantifier after a quantifier is an error in java.util.regex, harmless here
  }

  private Info atom() {
    char c = re.charAt(pos);
    switch (c) {
      case '(' -> {
        return group();
      }
      case '[' -> {
        return characterClass();
      }
      case '\\' -> {
        return escape();
      }
      case '.' -> {
        pos++;
        return Info.UNKNOWN;
      }
      case '^', '$' -> {
        pos++;
        return Info.EMPTY;
      }
      case '*', '+', '?', '{' -> throw new IllegalArgumentException("dangling quantifier at " + pos);
      default -> {
        pos++;
        return Info.exact(Set.of(String.valueOf(c)));
      }
    }
  }

  private Info group() {
    boolean zeroWidth = false;
    if (re.startsWith("(?:", pos)) {
      pos += 3;
    } else if (re.startsWith("(?=", pos) || re.startsWith("(?!", pos)) {
      pos += 3;
      zeroWidth = true;
    } else if (re.startsWith("(?<=", pos) || re.startsWith("(?<!", pos)) {
      pos += 4;
      zeroWidth = true;
    } else if (re.startsWith("(?<", pos)) {
      int close = re.indexOf('>', pos);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed group name");
      }
      pos = close + 1;
    } else if (re.startsWith("(?", pos)) {
      throw new IllegalArgumentException("inline flags or an unknown group at " + pos);
    } else {
      pos++;
    }
    Info inner = alternation();
    if (pos >= re.length() || re.charAt(pos) != ')') {
      throw new IllegalArgumentException("unclosed group");
    }
    pos++;
    return zeroWidth ? Info.EMPTY : inner;
  }

  private Info characterClass() {
    pos++;
    boolean negated = pos < re.length() && re.charAt(pos) == '^';
    if (negated) {
      pos++;
    }
    Set<String> chars = new LinkedHashSet<>();
    boolean plain = !negated;
    boolean first = true;
    while (pos < re.length() && (re.charAt(pos) != ']' || first)) {
      char c = re.charAt(pos);
      first = false;
      if (c == '[' || re.startsWith("&&", pos)) {
        throw new IllegalArgumentException("nested class at " + pos);
      }
      if (c == '\\') {
        if (pos + 1 >= re.length()) {
          throw new IllegalArgumentException("trailing backslash");
        }
        char e = re.charAt(pos + 1);
        if (Character.isLetterOrDigit(e)) {
          plain = false; // \w, \d, \s, \p{..}, \x.., \t, …: not read
          if (e == 'p' || e == 'P') {
            throw new IllegalArgumentException("property class");
          }
        } else {
          chars.add(String.valueOf(e));
        }
        pos += 2;
      } else if (pos + 2 < re.length() && re.charAt(pos + 1) == '-' && re.charAt(pos + 2) != ']') {
        plain = false; // a range
        pos += 3;
      } else {
        chars.add(String.valueOf(c));
        pos++;
      }
    }
    if (pos >= re.length()) {
      throw new IllegalArgumentException("unclosed class");
    }
    pos++;
    return plain && !chars.isEmpty() && chars.size() <= MAX_CLASS ? Info.exact(chars) : Info.UNKNOWN;
  }

  private Info escape() {
    if (pos + 1 >= re.length()) {
      throw new IllegalArgumentException("trailing backslash");
    }
    char e = re.charAt(pos + 1);
    pos += 2;
    return switch (e) {
      case 'b', 'B', 'A', 'z', 'Z', 'G' -> Info.EMPTY;
      case 'w', 'W', 'd', 'D', 's', 'S', 'h', 'H', 'v', 'V', 'R', 'X' -> Info.UNKNOWN;
      case 'n' -> Info.exact(Set.of("\n"));
      case 't' -> Info.exact(Set.of("\t"));
      case 'r' -> Info.exact(Set.of("\r"));
      case 'f' -> Info.exact(Set.of("\f"));
      default -> {
        if (Character.isLetterOrDigit(e)) {
          throw new IllegalArgumentException("escape \\" + e); // back-references, quoting, properties, hex and unicode escapes
        }
        yield Info.exact(Set.of(String.valueOf(e)));
      }
    };
  }

  /** A match of {@code a} followed by a match of {@code b}. */
  private static Info then(Info a, Info b) {
    if (a.exact() != null && b.exact() != null) {
      Set<String> both = cross(a.exact(), b.exact());
      if (both != null) {
        return Info.exact(both);
      }
    }
    Set<String> prefix = a.exact() != null ? orElse(cross(a.exact(), b.starts()), a.exact()) : a.prefix();
    Set<String> suffix = b.exact() != null ? orElse(cross(a.ends(), b.exact()), b.exact()) : b.suffix();
    Set<String> across = cross(a.ends(), b.starts());
    LiteralQuery match = LiteralQuery.allOf(List.of(a.full(), b.full(),
        across == null ? LiteralQuery.ALWAYS : LiteralQuery.anyOf(across)));
    return new Info(null, prefix, suffix, match);
  }

  /** A match of {@code a} or of {@code b}. */
  private static Info either(Info a, Info b) {
    if (a.exact() != null && b.exact() != null) {
      Set<String> union = union(a.exact(), b.exact());
      if (union != null) {
        return Info.exact(union);
      }
    }
    Set<String> prefix = orElse(union(a.starts(), b.starts()), Set.of(""));
    Set<String> suffix = orElse(union(a.ends(), b.ends()), Set.of(""));
    return new Info(null, prefix, suffix, LiteralQuery.either(List.of(a.full(), b.full())));
  }

  private static Set<String> cross(Set<String> a, Set<String> b) {
    if ((long) a.size() * b.size() > MAX_STRINGS) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (String x : a) {
      for (String y : b) {
        out.add(x + y);
      }
    }
    return out;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new LinkedHashSet<>(a);
    out.addAll(b);
    return out.size() > MAX_STRINGS ? null : out;
  }

  private static Set<String> orElse(Set<String> strings, Set<String> fallback) {
    return strings != null ? strings : fallback;
  }

  /** A list view for tests. */
  static List<String> sorted(Set<String> strings) {
    List<String> out = new ArrayList<>(strings);
    out.sort(null);
    return out;
  }
}
