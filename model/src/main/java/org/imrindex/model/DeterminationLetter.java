package org.imrindex.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One IMR final determination letter, as parsed. Fields absent from the letter are null or empty.
 *
 * @param caseNumber IMR case number such as CM14-0041187, or null
 * @param source where the text came from
 * @param layout the letter layout detected
 * @param letterDate the date the letter was dated
 * @param decisionDate the date of the IMR decision, else (for a letter that states none) the letter
 *     date, else null
 * @param decisionDateSource which of the two {@code decisionDate} is, null when it is null
 * @param dateAssigned the date the case was assigned to a reviewer
 * @param urDenialDate the date of the utilization review denial
 * @param applicationReceived the date the IMR application was received
 * @param priority review priority as written ("Standard", "Expedited"), or null
 * @param finalDetermination the letter-level summary of the cover page, or null
 * @param reviewer the expert reviewer's credentials
 * @param patient the injured worker
 * @param summary the clinical case summary
 * @param decisions the disputed items in letter order
 * @param warnings what the parser could not read whole ("decision 3: item heading not found before
 *     'Overturned'"), in letter order; empty when the letter was read whole
 */
public record DeterminationLetter(
    String caseNumber,
    Source source,
    Layout layout,
    LocalDate letterDate,
    LocalDate decisionDate,
    DateSource decisionDateSource,
    LocalDate dateAssigned,
    LocalDate urDenialDate,
    LocalDate applicationReceived,
    String priority,
    FinalDetermination finalDetermination,
    Reviewer reviewer,
    Patient patient,
    String summary,
    List<Decision> decisions,
    List<String> warnings) {

  public DeterminationLetter {
    if ((decisionDate == null) != (decisionDateSource == null)) {
      throw new IllegalArgumentException("decisionDateSource must be given exactly when decisionDate is");
    }
    decisions = List.copyOf(decisions);
    // records stored before warnings existed have none
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
