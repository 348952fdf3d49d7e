package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.imrindex.model.Outcome;
import org.junit.jupiter.api.Test;

class DeterminationsTest {

  private static Determinations.Statement first(String... lines) {
    return Determinations.at(List.of(lines), 0);
  }

  @Test
  void readsANumberedStatementWrappedOverLines() {
    var s = first("1) MAXIMUS Federal Services, Inc. has determined the request for a 28 day",
        "functional restoration program is not medically necessary and appropriate.", "2) next");
    assertEquals(new Determinations.Statement(1, "28 day functional restoration program", Outcome.UPHELD, 0, 2), s);
  }

  @Test
  void wordsGluedByPdfExtractionAreStillTheStatementsWords() {
    var upheld = first("2) MAXIMUS Federal Services, Inc. has determined the request for Norco 10/325mg #120 is notmedically"
        + " necessary and appropriate.");
    assertEquals(Outcome.UPHELD, upheld.outcome());
    assertEquals("Norco 10/325mg #120", upheld.item());
    assertEquals(2, upheld.number());
    var overturned = first("MAXIMUS Federal Services, Inc. hasdetermined the request for 6 sessions of acupuncture ismedically"
        + " necessaryand appropriate.");
    assertEquals(Outcome.OVERTURNED, overturned.outcome());
    assertEquals("6 sessions of acupuncture", overturned.item());
    assertNull(overturned.number());
  }

  @Test
  void andAppropriateOnTheNextLineBelongsToTheStatement() {
    var s = first("3) MAXIMUS Federal Services, Inc. has determined the request for Cyclobenzaprine 7.5mg #90 is not medically necessary",
        "and appropriate.", "4) MAXIMUS Federal Services, Inc. has");
    assertEquals(2, s.lineCount());
    assertEquals(Outcome.UPHELD, s.outcome());
  }

  @Test
  void theStatementMayBreakBeforeItsVerb() {
    var s = first("4) MAXIMUS Federal Services, Inc. has", "determined the request for a urine drug screen is medically necessary and appropriate.");
    assertEquals("urine drug screen", s.item());
    assertEquals(Outcome.OVERTURNED, s.outcome());
  }

  @Test
  void aStatementDoesNotRunIntoTheNextOne() {
    assertNull(first("1) MAXIMUS Federal Services, Inc. has determined the request for a cane",
        "2) MAXIMUS Federal Services, Inc. has determined the request for a walker is medically necessary and appropriate."));
  }

  @Test
  void theLetterHeadIsNoStatement() {
    assertNull(first("MAXIMUS FEDERAL SERVICES, INC.", "Independent Medical Review", "P.O. Box 138009"));
    assertFalse(Determinations.startsStatement("MAXIMUS FEDERAL SERVICES, INC."));
    assertFalse(Determinations.startsStatement("MAXIMUS Federal Services - Independent Medical Review"));
    assertTrue(Determinations.startsStatement("2) MAXIMUS Federal Services, Inc. has determined the request for a"));
    assertTrue(Determinations.startsStatement("MAXIMUS Federal Services, Inc. has determined the request for a"));
  }
}
