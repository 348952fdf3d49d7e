package org.imrindex.model;

import java.util.Locale;

/** Service category of a disputed item, as the state and researchers count them. */
public enum ServiceCategory {
  PHARMACEUTICAL,
  PHYSICAL_MEDICINE,
  DIAGNOSTIC_IMAGING,
  DIAGNOSTIC_TEST,
  DME,
  INJECTION,
  SURGERY,
  EVALUATION_MANAGEMENT,
  BEHAVIORAL_HEALTH,
  PROGRAM,
  HOME_HEALTH,
  OTHER;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
