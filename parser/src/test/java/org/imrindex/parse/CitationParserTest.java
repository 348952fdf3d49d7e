package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.imrindex.model.GuidelineSource;
import org.junit.jupiter.api.Test;

class CitationParserTest {

  @Test
  void expandsARange() {
    assertEquals(IntStream.rangeClosed(74, 82).boxed().toList(),
        CitationParser.mtusPages("Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 74-82."));
  }

  @Test
  void readsAListOfPages() {
    assertEquals(List.of(78, 80), CitationParser.mtusPages("MTUS Opioids for Chronic Pain Page(s): 78, 80."));
    assertEquals(List.of(78, 86), CitationParser.mtusPages("MTUS Chronic Pain Treatment Guidelines Page(s): 78,86."));
  }

  @Test
  void skipsTheStrayDotAfterTheLabel() {
    assertEquals(List.of(63, 64, 65, 66), CitationParser.mtusPages("MTUS Chronic Pain Treatment Guidelines Page(s): . 63-66."));
  }

  @Test
  void readsAcoemChapterPagesAndSortsAcrossCitations() {
    assertEquals(List.of(178, 182, 207, 208),
        CitationParser.mtusPages("MTUS ACOEM Chapter 9, pages 207-208; Chapter 8, pages 182, 178"));
  }

  @Test
  void ignoresChapterNumbersYearsAndListMarkers() {
    assertEquals(List.of(), CitationParser.mtusPages("MTUS Chronic Pain Medical Treatment 2009, Section(s): Benzodiazepines."));
    assertEquals(List.of(78), CitationParser.mtusPages("MTUS Chronic Pain Treatment Guidelines Opioids, 4) On-Going Management Page(s): 78."));
  }

  @Test
  void pagesAfterNonMtusAreNotMtusPages() {
    assertEquals(List.of(41, 42), CitationParser.mtusPages(
        "MTUS Chronic Pain Medical Treatment Guidelines, Muscle relaxants, page 41-42; Non-MTUS: ODG, Pain chapter, page 5."));
    assertEquals(List.of(), CitationParser.mtusPages("Non-MTUS Official Disability Guidelines (ODG), Pain, page 12."));
  }

  @Test
  void namesTheGuidelineFamilies() {
    assertEquals(List.of(GuidelineSource.MTUS), CitationParser.sources("Decision based on MTUS Chronic Pain Treatment Guidelines"));
    assertEquals(List.of(GuidelineSource.MTUS, GuidelineSource.ACOEM), CitationParser.sources("MTUS ACOEM Chapter 12"));
    assertEquals(List.of(GuidelineSource.ODG), CitationParser.sources("Non-MTUS Official Disability Guidelines (ODG), Pain"));
    assertEquals(List.of(GuidelineSource.MTUS, GuidelineSource.OTHER),
        CitationParser.sources("MTUS page 9; Non-MTUS: FDA prescribing information"));
    assertEquals(List.of(), CitationParser.sources("The Claims Administrator did not cite any medical evidence for its decision."));
    assertEquals(List.of(), CitationParser.sources(null));
  }

  @Test
  void outsideOfTheMtusIsNotTheMtus() {
    assertEquals(List.of(GuidelineSource.ODG), CitationParser.sources("The Expert Reviewer based their decision on "
        + "recommendation(s) outside of the MTUS Guidelines. Decision based on Non-MTUS Citation Official Disability "
        + "Guidelines (ODG) Knee & Leg, Platelet-rich plasma (PRP)."));
  }

  @Test
  void anAcoemChapterAdoptedIntoTheMtusIsBoth() {
    assertEquals(List.of(GuidelineSource.MTUS, GuidelineSource.ACOEM),
        CitationParser.sources("Decision based on MTUS Knee Complaints 2004, Section(s): Initial Care."));
    assertEquals(List.of(GuidelineSource.MTUS, GuidelineSource.ACOEM),
        CitationParser.sources("Decision based on MTUS General Approaches 2004, Section(s): Independent Medical Examinations."));
    assertEquals(List.of(GuidelineSource.MTUS),
        CitationParser.sources("Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids."));
    assertEquals(List.of(GuidelineSource.MTUS),
        CitationParser.sources("Decision based on MTUS Acupuncture Treatment 2007, Section(s): Acupuncture Medical Treatment."));
  }

  @Test
  void otherGuidelinesAndWebSourcesAreOther() {
    assertEquals(List.of(GuidelineSource.ODG, GuidelineSource.OTHER), CitationParser.sources("The Expert Reviewer based their "
        + "decision on recommendation(s) outside of the MTUS Guidelines. Decision based on Non-MTUS Citation Official "
        + "Disability Guidelines (ODG) Knee/DME and Other Medical Treatment Guidelines https://www.cms.gov/Regulations."));
  }

  @Test
  void aMentionOfTheMtusThatSaysItWasNotUsedIsNoMtusCitation() {
    String odg = "The Expert Reviewer found that no section of the MTUS was applicable. The Expert Reviewer based his/her decision"
        + " on the Official Disability Guidelines (ODG), Pain Chapter, page 12.";
    assertEquals(List.of(GuidelineSource.ODG), CitationParser.sources(odg));
    assertEquals(List.of(), CitationParser.mtusPages(odg));
    assertEquals(List.of(GuidelineSource.ODG), CitationParser.sources("ODG, Knee chapter, which is not part of the MTUS."));
    assertEquals(List.of(GuidelineSource.MTUS), CitationParser.sources("Drug testing, page 43, which is part of the MTUS."));
  }

  @Test
  void aReviewerWhoAdoptsTheClaimsAdministratorsGuidelinesCitesThem() {
    String claims = "The Claims Administrator based its decision on the ACOEM Practice Guidelines, Chapter 12, pages 303-304.";
    String adopts = "The Expert Reviewer found the guidelines used by the Claims Administrator relevant and appropriate.";
    assertEquals(claims, CitationParser.reliedUpon(adopts, claims));
    // a reviewer who names a guideline of its own is read as written, and so is one with nothing to adopt
    String own = "The Expert Reviewer agreed with the guidelines used by the Claims Administrator and cited ODG, Low Back.";
    assertEquals(own, CitationParser.reliedUpon(own, claims));
    assertEquals(adopts, CitationParser.reliedUpon(adopts, null));
    assertEquals(null, CitationParser.reliedUpon(null, claims));
  }
}
