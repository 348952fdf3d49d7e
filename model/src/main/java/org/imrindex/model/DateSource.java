package org.imrindex.model;

import java.util.Locale;

/** Where a letter's decision date came from: the decision date it states, or its letter date. */
public enum DateSource {
  /** The letter states the date of the IMR decision ("Date of IMR Decision", "Decision Date"). */
  DECISION,
  /** The letter states no decision date; its letter date ("Dated:") stands for it. */
  LETTER;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
