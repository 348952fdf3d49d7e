package org.imrindex.model;

import java.util.Locale;

/** Sex of the injured worker as the letter states it. */
public enum Sex {
  MALE,
  FEMALE;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
