package org.imrindex.model;

import java.util.Locale;

/** The IMR outcome of one disputed item. */
public enum Outcome {
  /** The UR denial stands: the treatment is not medically necessary. */
  UPHELD,
  /** The UR denial is reversed: the treatment is medically necessary. */
  OVERTURNED;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
