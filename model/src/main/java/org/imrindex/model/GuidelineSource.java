package org.imrindex.model;

/** A guideline family a reviewer relied upon. */
public enum GuidelineSource {
  /** California Medical Treatment Utilization Schedule (including its Chronic Pain guidelines). */
  MTUS,
  /** ACOEM practice guideline chapters (part of the MTUS). */
  ACOEM,
  /** Official Disability Guidelines. */
  ODG,
  /** Any other cited source (FDA labels, journal articles, other guidelines). */
  OTHER;

  @Override
  public String toString() {
    return this == OTHER ? "other" : name();
  }
}
