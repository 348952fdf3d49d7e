package org.imrindex.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a decision rationale (its lines already joined with single spaces) into sentences: at a
 * full stop, question or exclamation mark (and any closing quote or bracket after it) followed by
 * space and a capital, digit or opening quote, but not after an abbreviation ("e.g.", "i.e.", "Dr.",
 * "vs.", an initial) nor after a unit ("10 mg. #60") unless a word that starts sentences follows
 * ("325 mg. The request…").
 */
final class Sentences {

  /** Words whose full stop never ends a sentence, lowercase, without their last full stop. */
  private static final Set<String> ABBREVIATIONS = Set.of(
      "e.g", "i.e", "eg", "ie", "dr", "drs", "mr", "mrs", "ms", "vs", "v", "cf", "fig", "no", "nos", "p", "pp", "st",
      "jr", "sr", "sec", "ch", "chap", "vol", "approx", "incl", "al", "u.s", "inc", "co", "corp", "ltd", "dept", "rev",
      "ed", "eds", "min", "max", "b.i.d", "t.i.d", "q.i.d", "q.d", "p.r.n", "a.m", "p.m");
  /** Units and dosing words: their full stop ends a sentence only before a word of {@link #STARTS}. */
  private static final Set<String> UNITS = Set.of(
      "mg", "mcg", "ml", "cc", "gm", "g", "oz", "hr", "hrs", "wk", "wks", "mo", "mos", "yr", "yrs", "tab", "tabs",
      "cap", "caps", "qty", "bid", "tid", "qid", "prn", "qd", "qhs", "hs", "po", "daily", "etc");
  /** Words that begin a sentence after a unit's full stop. */
  private static final Set<String> STARTS = Set.of(
      "the", "this", "that", "these", "there", "therefore", "thus", "hence", "however", "in", "as", "per", "it",
      "he", "she", "they", "guidelines", "guideline", "mtus", "odg", "acoem", "ca", "given", "based", "additionally",
      "furthermore", "moreover", "here", "since", "medical", "consequently", "accordingly", "while", "although",
      "also", "regarding", "according", "a", "an", "no", "not", "with", "without", "at", "on", "for", "if", "when",
      "records", "documentation", "review", "further", "finally", "overall", "specifically", "of", "to", "its");

  private Sentences() {}

  /** The sentences of {@code text}, each stripped; empty for null or blank text. */
  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int n = text.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c != '.' && c != '?' && c != '!') {
        continue;
      }
      int end = i + 1;
      while (end < n && "\"')]\u201d\u2019".indexOf(text.charAt(end)) >= 0) {
        end++;
      }
      if (end >= n || !Character.isWhitespace(text.charAt(end))) {
        continue;
      }
      int next = end;
      while (next < n && Character.isWhitespace(text.charAt(next))) {
        next++;
      }
      if (next >= n) {
        break;
      }
      char first = text.charAt(next);
      if (!(Character.isUpperCase(first) || Character.isDigit(first) || "\"'(\u201c".indexOf(first) >= 0)) {
        continue;
      }
      if (c == '.' && !endsSentence(text, i, next)) {
        continue;
      }
      add(out, text.substring(start, end));
      start = next;
      i = next - 1;
    }
    add(out, text.substring(start));
    return out;
  }

  /** Whether the full stop at {@code dot} ends a sentence, given the word before it and the word at {@code next}. */
  private static boolean endsSentence(String text, int dot, int next) {
    int w = dot;
    while (w > 0 && !Character.isWhitespace(text.charAt(w - 1)) && "(\"\u201c".indexOf(text.charAt(w - 1)) < 0) {
      w--;
    }
    String word = text.substring(w, dot);
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      return false; // an initial: "Dr. A. Smith"
    }
    String lower = word.toLowerCase(Locale.ROOT);
    if (ABBREVIATIONS.contains(lower)) {
      return false;
    }
    // a unit after a number ("10 mg." or "10mg.") ends a sentence only before a word that starts one
    String unit = lower.replaceFirst("^[\\d./,]+", "");
    if (UNITS.contains(unit)) {
      return STARTS.contains(nextWord(text, next));
    }
    return true;
  }

  private static String nextWord(String text, int at) {
    int e = at;
    while (e < text.length() && Character.isLetter(text.charAt(e))) {
      e++;
    }
    return text.substring(at, e).toLowerCase(Locale.ROOT);
  }

  private static void add(List<String> out, String sentence) {
    String s = sentence.strip();
    if (!s.isEmpty()) {
      out.add(s);
    }
  }
}
