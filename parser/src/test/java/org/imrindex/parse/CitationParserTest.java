package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.imrindex.model.GuidelineCitation;
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

  // ---- guideline citations: document, year, section, pages ----

  private static GuidelineCitation mtus(String document, Integer year, String section, Integer... pages) {
    return new GuidelineCitation(GuidelineSource.MTUS, document, year, section, List.of(pages));
  }

  private static GuidelineCitation odg(String chapter, String section) {
    return new GuidelineCitation(GuidelineSource.ODG, chapter, null, section, List.of());
  }

  private static final String CHRONIC_PAIN = "Chronic Pain Medical Treatment Guidelines";

  @Test
  void readsAnMtusDocumentItsYearAndItsSection() {
    assertEquals(List.of(mtus(CHRONIC_PAIN, 2016, "Office visits")),
        CitationParser.citations("Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Office visits."));
    assertEquals(List.of(mtus("Opioid Treatment Guidelines", 2016, "3.3.9 Maintenance of Chronic Opioid Treatment")),
        CitationParser.citations("Decision based on MTUS Opioid Treatment 2016, Section(s): 3.3.9 Opioids for Chronic Pain and "
            + "Chronic Opioid Treatment: Maintenance of Chronic Opioid Treatment."));
  }

  @Test
  void anAcoemChapterAdoptedIntoTheMtusIsAnMtusDocument() {
    assertEquals(List.of(mtus("Low Back Complaints", 2004, "Special Studies")),
        CitationParser.citations("Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies."));
    // the same chapter cited by number, with pages; and as the 2013 letters cite it
    assertEquals(List.of(mtus("Low Back Complaints", null, null, 303, 304, 305)),
        CitationParser.citations("ACOEM Chapter 12 Low Back Complaints, pages 303-305"));
    assertEquals(List.of(mtus("Low Back Complaints", 2004, null, 303, 304)), CitationParser.citations("The Claims Administrator "
        + "based its decision on the ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12, Low Back Complaints, pages 303-304, "
        + "which are part of the MTUS."));
    // chapters 1-7 are the MTUS's General Approaches, the chapter's title its section
    assertEquals(List.of(mtus("General Approaches", null, "Independent Medical Examinations and Consultations", 127)),
        CitationParser.citations("Decision based on MTUS ACOEM Chapter 7, Independent Medical Examinations and Consultations, page 127."));
  }

  @Test
  void aDocumentWithoutSections() {
    assertEquals(List.of(mtus("Acupuncture Medical Treatment Guidelines", 2007, null)),
        CitationParser.citations("Decision based on MTUS Acupuncture Treatment 2007."));
    assertEquals(List.of(mtus("Acupuncture Medical Treatment Guidelines", null, null)),
        CitationParser.citations("Decision based on MTUS Acupuncture Medical Treatment Guidelines."));
  }

  @Test
  void outsideOfTheMtusAnOdgChapterAndItsTopic() {
    assertEquals(List.of(odg("Shoulder", "MRI")), CitationParser.citations("The Expert Reviewer based their decision on "
        + "recommendation(s) outside of the MTUS Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines "
        + "(ODG) Shoulder, MRI."));
    // the topic before the chapter, the chapter's own name in the topic, the chapter in parentheses or after a dash
    String odg = "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) ";
    assertEquals(List.of(odg("Shoulder", "MRI")), CitationParser.citations(odg + "MRI shoulder."));
    assertEquals(List.of(odg("Shoulder", "MRI")), CitationParser.citations(odg + "Shoulder section, MRI shoulder."));
    assertEquals(List.of(odg("Elbow", "Physical therapy")), CitationParser.citations(odg + "physical therapy, elbow chapter."));
    assertEquals(List.of(odg("Preface", "Physical therapy")), CitationParser.citations(odg + "Physical therapy/Preface."));
    assertEquals(List.of(odg("Low Back", "MRI")),
        CitationParser.citations(odg + "Low Back - Lumbar & Thoracic (Acute & Chronic), MRIs (magnetic resonance imaging)."));
    assertEquals(List.of(odg("Low Back", "Shock wave therapy")), CitationParser.citations(odg + "Low Back (Shock wave therapy)."));
    assertEquals(List.of(odg("Knee & Leg", "Platelet-rich plasma (PRP)")),
        CitationParser.citations(odg + "Knee - Platelet-rich plasma (PRP)."));
    assertEquals(List.of(odg("Neck and Upper Back", null)), CitationParser.citations(odg + "Neck and Upper Back."));
  }

  @Test
  void oneCitationTextHoldsSeveralCitations() {
    assertEquals(List.of(mtus("Neck and Upper Back Complaints", 2004, "Special Studies"),
        mtus(CHRONIC_PAIN, 2016, "Electrodiagnostic testing (EMG/NCS)")), CitationParser.citations("Decision based on MTUS "
        + "Neck and Upper Back Complaints 2004, Section(s): Special Studies, and Chronic Pain Medical Treatment 2016, Section(s): "
        + "Electrodiagnostic testing (EMG/NCS)."));
    // a list of sections, one citation each; a document whose name holds ", and "
    assertEquals(List.of(mtus("Elbow Complaints", 2007, "Diagnostic Criteria"),
        mtus("Forearm, Wrist, and Hand Complaints", 2004, "Special Studies"), mtus("Forearm, Wrist, and Hand Complaints", 2004, "Summary")),
        CitationParser.citations("Decision based on MTUS Elbow Complaints 2007, Section(s): Diagnostic Criteria, and Forearm, Wrist, "
            + "and Hand Complaints 2004, Section(s): Special Studies, Summary."));
    // sections whose titles hold commas stay whole
    assertEquals(List.of(mtus(CHRONIC_PAIN, 2016, "NSAIDs, GI symptoms & cardiovascular risk"),
        mtus(CHRONIC_PAIN, 2016, "Proton Pump Inhibitors (PPIs)"), mtus(CHRONIC_PAIN, 2016, "TENS, chronic pain")),
        CitationParser.citations("MTUS Chronic Pain Medical Treatment 2016, Section(s): NSAIDs, GI symptoms & cardiovascular risk, "
            + "Proton Pump Inhibitors (PPIs), TENS, chronic pain (transcutaneous electrical nerve stimulation)."));
    // MTUS, then ODG chapters, then another source, and ACOEM's 3rd edition outside the MTUS with its page
    assertEquals(List.of(mtus(CHRONIC_PAIN, 2016, "Physical medicine treatment"), odg("Low Back", "Physical therapy"),
        odg("Neck and Upper Back", "Physical therapy")), CitationParser.citations("Decision based on MTUS Chronic Pain Medical "
        + "Treatment 2016, Section(s): Physical medicine treatment. Decision based on Non-MTUS Citation Official Disability "
        + "Guidelines (ODG) Low Back and neck Chapter, Physical Therapy."));
    assertEquals(List.of(odg("Knee & Leg", "Durable medical equipment (DME)"), odg("Low Back", "Mattress selection"),
        new GuidelineCitation(GuidelineSource.OTHER, "CMS", null, null, List.of())), CitationParser.citations("The Expert "
        + "Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines. Decision based on Non-MTUS "
        + "Citation Official Disability Guidelines (ODG) Knee/DME, Low Back Lumbar and Thoracic/Mattress selection and Other "
        + "Medical Treatment Guidelines https://www.cms.gov/Regulations-and-Guidance/R148CIM.pdf."));
    assertEquals(List.of(mtus("Shoulder Complaints", 2004, "Summary"),
        new GuidelineCitation(GuidelineSource.ACOEM, "Shoulder Disorders", null, null, List.of(64))), CitationParser.citations(
        "Decision based on MTUS Shoulder Complaints 2004, Section(s): Summary. Decision based on Non-MTUS Citation ACOEM "
            + "Occupational Medicine Practice Guidelines, 3rd ed., Shoulder Disorders, pg. 64."));
  }

  @Test
  void pageStyleCitationsGiveEachSectionItsPages() {
    assertEquals(List.of(mtus(CHRONIC_PAIN, null, "Opioids", 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90,
        91, 92, 93, 94, 95, 96)), CitationParser.citations("MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 74-96."));
    assertEquals(List.of(mtus(CHRONIC_PAIN, null, "Drug testing", 43), mtus(CHRONIC_PAIN, null,
        "Opioids, steps to avoid misuse/addiction", 94, 95)), CitationParser.citations("Decision based on MTUS Chronic Pain "
        + "Treatment Guidelines Drug testing Page(s): 43; Opioids, steps to avoid misuse/addiction Page(s): 94-95."));
    assertEquals(List.of(mtus(CHRONIC_PAIN, null, null, 63, 64, 65, 66)),
        CitationParser.citations("Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): . 63-66."));
    assertEquals(List.of(mtus(CHRONIC_PAIN, null, "Opioids, On-Going Management", 78)), CitationParser.citations(
        "Decision based on MTUS Chronic Pain Treatment Guidelines Opioids, 4) On-Going Management Page(s): 78."));
    // the year in parentheses, "part of the MTUS" and a following sentence are not the section
    assertEquals(List.of(mtus(CHRONIC_PAIN, 2009, "Functional restoration programs", 30, 31, 32, 49)),
        CitationParser.citations("The Expert Reviewer based his/her decision on the Chronic Pain Medical Treatment Guidelines "
            + "(2009), Functional restoration programs, pages 30-32 and 49, which are part of the MTUS."));
    assertEquals(List.of(mtus(CHRONIC_PAIN, null, "NSAIDs, GI symptoms & cardiovascular risk", 67, 68, 69)),
        CitationParser.citations("California MTUS Chronic Pain Medical Treatment Guidelines, NSAIDs, GI symptoms and "
            + "cardiovascular risk, pages 67-69. These guidelines address NSAID selection in patients at risk."));
    // ACOEM chapters by number, and the MTUS cited by its pages alone
    assertEquals(List.of(mtus("Shoulder Complaints", null, null, 207, 208), mtus("Neck and Upper Back Complaints", null, null, 178, 182)),
        CitationParser.citations("MTUS ACOEM Chapter 9, pages 207-208; Chapter 8, pages 182, 178"));
    assertEquals(List.of(mtus(null, null, null, 74, 75)), CitationParser.citations("MTUS Guidelines Page(s): 74-75."));
  }

  @Test
  void oneTopicHasOneNameAcrossSpellingsCaseAndLineBreaks() {
    String name = "Physical medicine treatment";
    for (String written : List.of("Physical medicine treatment", "Physical Medicine", "PHYSICAL MEDICINE TREATMENT",
        "Physical medi-\ncine treatment", "physical  medicine")) {
      assertEquals(List.of(mtus(CHRONIC_PAIN, 2016, name)),
          CitationParser.citations("Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): " + written + "."), written);
    }
    assertEquals(List.of(mtus(CHRONIC_PAIN, 2016, "Electrodiagnostic testing (EMG/NCS)")), CitationParser.citations(
        "MTUS Chronic Pain Medical Treatment 2016, Section(s): Electro-diagnostic testing (EMG/NCS)."));
    // a section the rules do not name is kept as written, and so is a document they do not know
    assertEquals(List.of(mtus("Foo Bar Complaints", 2004, "Something New")),
        CitationParser.citations("Decision based on MTUS Foo Bar Complaints 2004, Section(s): Something New."));
  }

  @Test
  void otherSourcesByNameAndCitationsOfNothing() {
    assertEquals(List.of(new GuidelineCitation(GuidelineSource.OTHER, "NHLBI", null, null, List.of()),
        new GuidelineCitation(GuidelineSource.OTHER, "UpToDate", null, null, List.of())), CitationParser.citations("Decision "
        + "based on Non-MTUS Citation What is an electrocardiogram? National Heart, Lung, and Blood Institute. "
        + "http://www.nhlbi.nih.gov/health/ekg, Benditt D, et al. Syncope in adults. UpToDate, accessed 02/18/2017."));
    assertEquals(List.of(new GuidelineCitation(GuidelineSource.OTHER, "Smith J. Back pain in workers", null, null, List.of())),
        CitationParser.citations("Non-MTUS Citation Smith J. Back pain in workers."));
    assertEquals(List.of(), CitationParser.citations("The Expert Reviewer did not cite any medical evidence for its decision."));
    assertEquals(List.of(), CitationParser.citations(null));
    // a mention of the MTUS that says it was not used names no MTUS document
    assertEquals(List.of(odg("Pain (Chronic)", "Urine drug testing (UDT)")), CitationParser.citations("The Expert Reviewer found "
        + "that no section of the MTUS was applicable. The Expert Reviewer based his/her decision on the Official Disability "
        + "Guidelines (ODG), Pain Chapter, Urine drug testing (UDT)."));
  }
}
