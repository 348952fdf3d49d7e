package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.Source;
import org.junit.jupiter.api.Test;

class CoverFieldsTest {

  @Test
  void aTableHeadWhoseLabelWrapsAwayFromItsValue() {
    // CM16-0230651 as extracted: "Application Received" is split by the table's column, its date below
    Map<CoverFields.Label, String> f = CoverFields.read(List.of(
        "Case Number: CM16-0230651",
        "Date Assigned: 12/07/2016 Date of Injury: 10/13/2016",
        "Decision Date: 01/09/2017 UR Denial Date: 11/22/2016",
        "Priority: Standard Application",
        "Received:",
        "11/29/2016"));
    assertEquals("CM16-0230651", f.get(CoverFields.Label.CASE_NUMBER));
    assertEquals("Standard", f.get(CoverFields.Label.PRIORITY));
    assertEquals("11/29/2016", f.get(CoverFields.Label.APPLICATION_RECEIVED));
    assertEquals("01/09/2017", f.get(CoverFields.Label.DECISION_DATE));
    assertEquals("11/22/2016", f.get(CoverFields.Label.UR_DENIAL_DATE));
    assertEquals("12/07/2016", f.get(CoverFields.Label.DATE_ASSIGNED));
    assertEquals("10/13/2016", f.get(CoverFields.Label.DATE_OF_INJURY));
  }

  @Test
  void aLabelWrappedWithItsValueOnTheSameLine() {
    Map<CoverFields.Label, String> f = CoverFields.read(List.of("Date of Injury: 10/13/2016 UR Denial", "Date: 11/22/2016"));
    assertEquals("10/13/2016", f.get(CoverFields.Label.DATE_OF_INJURY));
    assertEquals("11/22/2016", f.get(CoverFields.Label.UR_DENIAL_DATE));
  }

  @Test
  void aLabelWithoutValueDoesNotTakeALineOfProse() {
    Map<CoverFields.Label, String> f = CoverFields.read(List.of("Priority:",
        "MAXIMUS Federal Services sent the complete case file to an expert reviewer."));
    assertEquals("", f.get(CoverFields.Label.PRIORITY));
  }

  @Test
  void theLetterHeadOfTheStatesLettersGivesEveryDate() throws Exception {
    DeterminationLetter l = new LetterParser().parseText("""
        Case Number: CM16-0249536
        Date Assigned: 01/10/2017 Date of Injury:  10/18/2016
        Decision Date: 02/07/2017 UR Denial Date:  12/01/2016
        Priority:  Standard Application
        Received:
        12/29/2016
        IMR ISSUES, DECISIONS AND RATIONALES
        Norco 10/325mg #60: Upheld
        Decision rationale: The request is not medically necessary.
        """, new Source("x.txt", "0", "text/plain", null));
    assertEquals("CM16-0249536", l.caseNumber());
    assertEquals(LocalDate.of(2017, 1, 10), l.dateAssigned());
    assertEquals(LocalDate.of(2016, 10, 18), l.patient().dateOfInjury());
    assertEquals(LocalDate.of(2017, 2, 7), l.decisionDate());
    assertEquals(LocalDate.of(2016, 12, 1), l.urDenialDate());
    assertEquals(LocalDate.of(2016, 12, 29), l.applicationReceived());
    assertEquals("Standard", l.priority());
  }
}
