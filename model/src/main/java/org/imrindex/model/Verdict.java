package org.imrindex.model;

import java.util.Locale;

/** The letter-level summary a cover page may give. */
public enum Verdict {
  UPHOLD,
  OVERTURN,
  PARTIAL_OVERTURN;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
