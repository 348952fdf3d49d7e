package org.imrindex.model;

import java.util.Locale;

/**
 * Why a decision came out as it did, as the reviewer's rationale gives it (issue 16): one of nine codes,
 * written in lowercase ({@code no_documented_benefit}); a decision can have several or none.
 */
public enum ReasonCode {
  /** Prior or ongoing use of the same treatment has no documented functional improvement or pain relief. */
  NO_DOCUMENTED_BENEFIT,
  /** No documented trial or failure of first-line or conservative treatment. */
  FIRST_LINE_NOT_TRIED,
  /** More visits, a longer duration, a higher dose or a larger quantity than the guideline allows. */
  EXCEEDS_GUIDELINE_LIMIT,
  /** The guideline does not recommend the treatment, in general or for this condition. */
  NOT_RECOMMENDED,
  /** The request lacks frequency, dose, quantity, duration, body part or number of sessions. */
  REQUEST_INCOMPLETE,
  /** The findings do not meet the guideline's indications (no red flags, diagnosis not established…). */
  INDICATIONS_NOT_MET,
  /** Required monitoring not documented (urine drug screens, the 4 A's, an opioid agreement…). */
  MONITORING_MISSING,
  /** A general lack of records supporting the need that no code above captures. */
  INSUFFICIENT_DOCUMENTATION,
  /** The records show the criteria are met or benefit is documented (mostly overturned decisions). */
  CRITERIA_MET;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The code written {@code name} ("not_recommended"); an unknown name is an IllegalArgumentException. */
  public static ReasonCode of(String name) {
    return valueOf(name.strip().toUpperCase(Locale.ROOT));
  }
}
