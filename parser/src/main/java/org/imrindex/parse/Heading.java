package org.imrindex.parse;

import java.util.regex.Pattern;

/**
 * The section headings of the known layouts. Each pattern matches the heading's words in upper
 * case, with white space already collapsed; a heading may be wrapped over up to three lines.
 */
enum Heading {
  HOW_MADE("HOW THE IMR FINAL DETERMINATION WAS MADE"),
  CLINICAL_SUMMARY("CLINICAL CASE SUMMARY"),
  ISSUES("IMR ISSUES,? DECISIONS,? AND RATIONALES?"),
  DECISIONS("IMR DECISIONS? ?(?:\\(S\\))? AND RATIONALES? ?(?:\\(S\\))?"),
  DOCUMENTS_REVIEWED("DOCUMENTS REVIEWED(?: FOR (?:THE )?DETERMINATION)?"),
  PROFESSIONAL_REVIEW("MEDICAL PROFESSIONAL REVIEW"),
  ISSUE_AT_DISPUTE("ISSUES? AT DISPUTE"),
  CASE_SUMMARY("CASE SUMMARY"),
  GUIDELINES_RELIED_UPON("MEDICAL TREATMENT GUIDELINES? ?(?:\\(S\\))? RELIED UPON BY (?:THE )?(?:PROFESSIONAL )?REVIEWER(?: AND WHY)?"),
  RATIONALE_TEMPLATE("RATIONALE FOR WHY THE REQUESTED TREATMENT ?/ ?SERVICE (?:IS ?/ ?WAS|IS|WAS) (?:NOT )?MEDICALLY NECESSARY"),
  QUALIFICATIONS("MEDICAL REVIEWER QUALIFICATIONS"),
  /** The 2013 notice's decision section (the notice itself is read by {@link NoticeLetter}). */
  NOTICE_DECISION("INDEPENDENT MEDICAL REVIEW DECISIONS? AND RATIONALES?"),
  /** Closing boilerplate after the decisions: it ends the last rationale. */
  TRAILER("(?:EFFECT OF (?:THE )?DECISION|APPEAL RIGHTS|RIGHT TO APPEAL|ADDITIONAL INFORMATION|NOTICE OF (?:APPEAL|RIGHTS)|CC|SINCERELY)");

  private final Pattern pattern;

  Heading(String regex) {
    // the heading, then an optional colon, then optional content on the same line
    this.pattern = Pattern.compile("^(" + regex + ")\\s*(?::\\s*(.*))?$");
  }

  Pattern pattern() {
    return pattern;
  }
}
