package org.imrindex.model;

import java.util.Locale;

/** The letter templates the parser recognises. */
public enum Layout {
  /** The common layout of the seeds: HOW THE IMR FINAL DETERMINATION WAS MADE, summary, items with ": Upheld". */
  STANDARD,
  /** A cover page (case number, dates, priority, final determination) followed by the standard layout. */
  COVER,
  /** MAXIMUS header, DOCUMENTS REVIEWED section, items stated as "is (not) medically necessary and appropriate". */
  DOCUMENTS_REVIEWED,
  /** MEDICAL PROFESSIONAL REVIEW: issue at dispute, template rationale heading, qualifications at the end. */
  PROFESSIONAL_REVIEW;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
