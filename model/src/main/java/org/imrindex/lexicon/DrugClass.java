package org.imrindex.lexicon;

import java.util.Locale;

/** Drug class of a disputed medication, by active ingredient (the facet vocabulary). */
public enum DrugClass {
  OPIOID,
  BENZODIAZEPINE,
  MUSCLE_RELAXANT,
  NSAID,
  ANTICONVULSANT,
  ANTIDEPRESSANT,
  SLEEP_AID,
  PPI,
  TOPICAL,
  COMPOUND,
  MEDICAL_FOOD,
  OTHER;

  /** The lowercase wire name, e.g. {@code muscle_relaxant}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name such as {@code muscle_relaxant}. */
  public static DrugClass of(String wireName) {
    return valueOf(wireName.trim().toUpperCase(Locale.ROOT));
  }
}
