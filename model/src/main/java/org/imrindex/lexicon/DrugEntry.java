package org.imrindex.lexicon;

import java.util.List;
import java.util.Locale;

/**
 * One product of the lexicon.
 *
 * @param name the product as usually written: a brand ("Norco") or a generic
 * @param generic active ingredient(s), lowercase, "/"-joined ("hydrocodone/acetaminophen")
 * @param drugClass class by active ingredient
 * @param aliases other spellings: misspellings, abbreviations, older names
 * @param line the line of {@code drugs.txt} that defines it, for error messages
 */
public record DrugEntry(String name, String generic, DrugClass drugClass, List<String> aliases, int line) {

  public DrugEntry {
    aliases = List.copyOf(aliases);
  }

  /** True for a brand product, false for the generic entry itself. */
  public boolean isBrand() {
    return !name.toLowerCase(Locale.ROOT).equals(generic);
  }

  /** The active ingredients in order, e.g. [hydrocodone, acetaminophen]. */
  public List<String> ingredients() {
    return List.of(generic.split("/"));
  }
}
