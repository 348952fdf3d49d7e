package org.imrindex.lexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits names and free text into the lowercase match tokens of the lexicon: runs of letters and
 * runs of digits ("325mg" gives 325 and mg), with salt forms and release modifiers (HCl, sodium,
 * ER, XR, CR…) dropped, so "Tramadol HCl ER" and "tramadol" have the same key.
 */
final class LexiconTokens {

  /** Words that never change which product is meant. */
  static final Set<String> SKIPPED = Set.of(
      "hcl", "hydrochloride", "sodium", "potassium", "bitartrate", "tartrate", "citrate", "sulfate",
      "sulphate", "phosphate", "mesylate", "maleate", "besylate", "succinate", "magnesium",
      "tromethamine", "pamoate", "er", "xr", "cr", "sr", "ir", "xl", "dr", "ec", "odt", "ds", "es",
      "hp", "extended", "release", "immediate", "delayed");

  private LexiconTokens() {}

  /** A token with its character span in the source text. */
  record Token(String text, int start, int end) {}

  static List<Token> tokens(CharSequence s) {
    List<Token> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      boolean letter = Character.isLetter(c);
      if (!letter && !Character.isDigit(c)) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && (letter ? Character.isLetter(s.charAt(i)) : Character.isDigit(s.charAt(i)))) {
        i++;
      }
      String t = s.subSequence(start, i).toString().toLowerCase(Locale.ROOT);
      if (!SKIPPED.contains(t)) {
        out.add(new Token(t, start, i));
      }
    }
    return out;
  }

  /** The lookup key of a name: its tokens joined by single spaces. */
  static String key(String name) {
    StringBuilder sb = new StringBuilder();
    for (Token t : tokens(name)) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(t.text());
    }
    return sb.toString();
  }
}
