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
  PROFESSIONAL_REVIEW,
  /**
   * The 2013 "Notice of Independent Medical Review Determination": numbered "MAXIMUS Federal Services,
   * Inc. has determined the request for … is (not) medically necessary and appropriate" statements,
   * INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE, prose qualifications, a case summary quoted
   * from utilization review, then one section per item.
   */
  NOTICE;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
