package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatesTest {

  @Test
  void readsEveryWrittenForm() {
    assertEquals(LocalDate.of(2003, 6, 30), Dates.parse("June 30, 2003"));
    assertEquals(LocalDate.of(2014, 12, 2), Dates.parse("Dec. 2nd 2014"));
    assertEquals(LocalDate.of(2010, 8, 7), Dates.parse("08/07/2010"));
    assertEquals(LocalDate.of(1989, 11, 1), Dates.parse("11-01-1989"));
    assertEquals(LocalDate.of(2015, 3, 3), Dates.parse("2015-03-03"));
    assertEquals(LocalDate.of(2014, 1, 2), Dates.parse("1/2/14"));
    assertEquals(LocalDate.of(1998, 1, 2), Dates.parse("1/2/98"));
  }

  @Test
  void rejectsImpossibleDates() {
    assertNull(Dates.parse("13/45/2014"));
    assertNull(Dates.parse("February 30, 2014"));
    assertNull(Dates.first("no date here"));
    assertNull(Dates.first(null));
  }

  @Test
  void monthNamesAreWholeWords() {
    LocalDate dec12 = LocalDate.of(2014, 12, 12);
    assertEquals(dec12, Dates.parse("Dec 12, 2014"));
    assertEquals(dec12, Dates.parse("December 12, 2014"));
    assertEquals(dec12, Dates.parse("Dec. 12, 2014"));
    assertEquals(dec12, Dates.parse("dec 12, 2014"));
    assertEquals(dec12, Dates.first("signed DECEMBER 12, 2014 by"));
    assertEquals(LocalDate.of(2015, 9, 3), Dates.parse("Sept. 3, 2015"));
    assertEquals(LocalDate.of(2015, 9, 3), Dates.parse("Sep 3, 2015"));
    assertEquals(LocalDate.of(2015, 1, 3), Dates.parse("Jan. 3, 2015"));
    assertEquals(LocalDate.of(2016, 5, 1), Dates.parse("May 1, 2016"));
    assertNull(Dates.parse("Decision 12, 2014"));
    assertNull(Dates.first("Decision 12, 2014"));
    assertNull(Dates.parse("Marching 3, 2015"));
    assertNull(Dates.first("Marching 3, 2015"));
    assertNull(Dates.parse("Mayor 1, 2016"));
    assertNull(Dates.first("the Mayor 1, 2016"));
    assertNull(Dates.first("Undec 12, 2014"));
    assertNull(Dates.parse("Decem 12, 2014"));
  }

  @Test
  void findsTheFirstDateInText() {
    assertEquals(LocalDate.of(2013, 12, 18), Dates.first("Dated: December 18, 2013 (revised 1/5/2014)"));
  }
}
