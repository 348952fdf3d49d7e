package org.imrindex.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A condition on plain strings that every text a regular expression finds a match in satisfies, read
 * from the expression's structure: an {@link AnyOf} of strings one of which occurs, combined by
 * {@link AllOf} and {@link Either}. A text that fails it cannot match, so the regex need not run.
 *
 * <p>The reading follows Russ Cox's trigram index for code search (2012), with whole strings for
 * trigrams: each part of the expression is known by the strings it matches exactly (while there are
 * few), the strings its matches start and end with, and a condition; a sequence crosses the end strings
 * of one part with the start strings of the next ({@code \bno (?:frequency|duration)\b} needs "no
 * frequency" or "no duration"), so words that are common alone ("no", "test") are required only
 * together. Classes, {@code \w}, {@code .} and anything repeated any number of times are read as
 * unknown text; lookarounds, {@code \b}, {@code ^} and {@code $} as empty (they only narrow a match).
 * An expression with a construct this reader does not follow (back-references, {@code \Q}, inline
 * flags, nested classes) gets {@link #ALWAYS}: it must always run.
 */
sealed interface LiteralQuery {

  /** The condition every text meets. */
  LiteralQuery ALWAYS = new AllOf(List.of());

  /** Whether a text where exactly the strings {@code occurs} accepts occur meets the condition. */
  boolean test(Predicate<String> occurs);

  /** Every string the condition names, in order of first mention. */
  default Set<String> named() {
    Set<String> out = new LinkedHashSet<>();
    collect(this, out);
    return out;
  }

  /** One of these strings occurs (none is empty). */
  record AnyOf(List<String> strings) implements LiteralQuery {
    public AnyOf {
      strings = List.copyOf(strings);
    }

    @Override
    public boolean test(Predicate<String> occurs) {
      for (String s : strings) {
        if (occurs.test(s)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return strings.toString();
    }
  }

  /** Every part holds ({@link #ALWAYS} when there is none). */
  record AllOf(List<LiteralQuery> parts) implements LiteralQuery {
    public AllOf {
      parts = List.copyOf(parts);
    }

    @Override
    public boolean test(Predicate<String> occurs) {
      for (LiteralQuery q : parts) {
        if (!q.test(occurs)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return parts.isEmpty() ? "ALWAYS" : "AND" + parts;
    }
  }

  /** At least one part holds. */
  record Either(List<LiteralQuery> parts) implements LiteralQuery {
    public Either {
      parts = List.copyOf(parts);
    }

    @Override
    public boolean test(Predicate<String> occurs) {
      for (LiteralQuery q : parts) {
        if (q.test(occurs)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return "OR" + parts;
    }
  }

  /** The condition of {@code regex} (a {@link java.util.regex.Pattern} without flags), or {@link #ALWAYS}. */
  static LiteralQuery of(String regex) {
    try {
      return new RegexReader(regex).read();
    } catch (IllegalArgumentException unsupported) {
      return ALWAYS;
    }
  }

  private static void collect(LiteralQuery q, Set<String> out) {
    switch (q) {
      case AnyOf a -> out.addAll(a.strings());
      case AllOf a -> a.parts().forEach(p -> collect(p, out));
      case Either e -> e.parts().forEach(p -> collect(p, out));
    }
  }

  /** Builds conditions, dropping what always holds. */
  static LiteralQuery anyOf(Set<String> strings) {
    if (strings == null || strings.isEmpty() || strings.contains("")) {
      return ALWAYS;
    }
    // a string that holds another is implied by it: keep the shorter (the condition is the same)
    List<String> kept = new ArrayList<>();
    for (String s : strings) {
      boolean implied = false;
      for (String t : strings) {
        if (!t.equals(s) && s.contains(t)) {
          implied = true;
          break;
        }
      }
      if (!implied) {
        kept.add(s);
      }
    }
    return new AnyOf(kept);
  }

  static LiteralQuery allOf(List<LiteralQuery> parts) {
    List<LiteralQuery> kept = new ArrayList<>();
    for (LiteralQuery p : parts) {
      if (p instanceof AnyOf a && a.strings().stream().allMatch(s -> s.length() < 2)) {
        continue; // a single character is in nearly every sentence: required or not, the same (a weaker condition stays true)
      }
      if (p instanceof AllOf a) {
        for (LiteralQuery q : a.parts()) {
          if (!kept.contains(q)) {
            kept.add(q);
          }
        }
      } else if (!kept.contains(p)) {
        kept.add(p);
      }
    }
    return kept.size() == 1 ? kept.get(0) : new AllOf(kept);
  }

  static LiteralQuery either(List<LiteralQuery> parts) {
    List<LiteralQuery> kept = new ArrayList<>();
    Set<String> strings = new LinkedHashSet<>(); // the AnyOf parts as one
    for (LiteralQuery p : parts) {
      if (p.equals(ALWAYS)) {
        return ALWAYS;
      }
      for (LiteralQuery q : p instanceof Either e ? e.parts() : List.of(p)) {
        if (q instanceof AnyOf a) {
          strings.addAll(a.strings());
        } else if (!kept.contains(q)) {
          kept.add(q);
        }
      }
    }
    if (!strings.isEmpty()) {
      kept.add(0, anyOf(strings));
    }
    return kept.size() == 1 ? kept.get(0) : new Either(kept);
  }
}
