package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.imrindex.model.Reviewer;
import org.junit.jupiter.api.Test;

class ReviewerParserTest {

  @Test
  void readsOlderProseWithSubspecialty() {
    String s = "The physician reviewer is Board Certified in Physical Medicine & Rehabilitation, has a subspecialty in Sports "
        + "Medicine, and is licensed to practice in New York and Texas. He/she has been in active practice.";
    assertEquals(new Reviewer(List.of("Physical Medicine and Rehabilitation"), List.of("Sports Medicine"), List.of("NY", "TX"),
        "The physician reviewer is Board Certified in Physical Medicine & Rehabilitation, has a subspecialty in Sports "
            + "Medicine, and is licensed to practice in New York and Texas."), ReviewerParser.prose(s));
  }

  @Test
  void splitsASpecialtyFromAJoinedSubspecialty() {
    Reviewer r = ReviewerParser.prose("The physician reviewer is Board Certified in Anesthesiology and Pain Medicine and is licensed to practice in Florida.");
    assertEquals(List.of("Anesthesiology"), r.specialties());
    assertEquals(List.of("Pain Medicine"), r.subspecialties());
    assertEquals(List.of("FL"), r.licensureStates());
  }

  @Test
  void readsLabelledLinesAndNormalizesBoardNames() {
    Reviewer r = ReviewerParser.read(List.of("The Expert Reviewer has the following credentials:",
        "State(s) of Licensure: Pennsylvania, Ohio, California", "Certification(s)/Specialty: Family Practice"));
    assertEquals(new Reviewer(List.of("Family Medicine"), List.of(), List.of("PA", "OH", "CA"),
        "State(s) of Licensure: Pennsylvania, Ohio, California\nCertification(s)/Specialty: Family Practice"), r);
  }

  @Test
  void readsUspsCodesInALabelledList() {
    assertEquals(List.of("CA", "NV"), ReviewerParser.read(List.of("State(s) of Licensure: CA, NV")).licensureStates());
  }

  @Test
  void keepsAnUnknownSpecialtyAsWritten() {
    assertEquals(List.of("Wilderness Medicine"),
        ReviewerParser.prose("The reviewer is Board Certified in Wilderness Medicine and is licensed to practice in Utah.").specialties());
  }

  @Test
  void noCredentialsGiveEmptyListsAndNullRaw() {
    assertEquals(ReviewerParser.empty(), ReviewerParser.read(List.of("Nothing about the reviewer here.")));
  }

  @Test
  void readsMultiWordBoardNamesWholeEvenWhenWrapped() {
    Reviewer r = ReviewerParser.read(List.of("State(s) of Licensure: California",
        "Certification(s)/Specialty: Preventive Medicine, Occupational Medicine, Public Health &", "General Preventive Medicine"));
    assertEquals(List.of("Preventive Medicine", "Occupational Medicine", "Public Health and General Preventive Medicine"), r.specialties());
    assertEquals(List.of(), r.subspecialties());
    Reviewer h = ReviewerParser.read(List.of("State(s) of Licensure: California",
        "Certification(s)/Specialty: Anesthesiology, Pain Management, Hospice & Palliative Medicine"));
    assertEquals(List.of("Anesthesiology"), h.specialties());
    assertEquals(List.of("Pain Medicine", "Hospice and Palliative Medicine"), h.subspecialties());
    Reviewer n = ReviewerParser.read(List.of("State(s) of Licensure: California",
        "Certification(s)/Specialty: Physical Medicine & Rehabilitation, Neuromuscular Medicine"));
    assertEquals(List.of("Physical Medicine and Rehabilitation"), n.specialties());
    assertEquals(List.of("Neuromuscular Medicine"), n.subspecialties());
  }

  @Test
  void boardNamesAsTheAbmsWritesThemAndNonPhysiciansAsTheyAre() {
    Reviewer pmr = ReviewerParser.read(List.of("State(s) of Licensure: California", "Certification(s)/Specialty: Physical Medicine & Rehabilitation"));
    assertEquals(List.of("Physical Medicine and Rehabilitation"), pmr.specialties());
    Reviewer surgery = ReviewerParser.read(List.of("State(s) of Licensure: California", "Certification(s)/Specialty: Surgery, Surgical Critical Care"));
    assertEquals(List.of("Surgery"), surgery.specialties());
    assertEquals(List.of("Surgical Critical Care"), surgery.subspecialties());
    Reviewer chiro = ReviewerParser.read(List.of("State(s) of Licensure: California", "Certification(s)/Specialty: Chiropractor"));
    assertEquals(List.of("Chiropractor"), chiro.specialties());
    assertEquals(List.of("Psychologist"), ReviewerParser.prose("The reviewer is a licensed clinical psychologist licensed in California.").specialties());
  }

  @Test
  void aBoardNameBrokenOverTheLineIsJoined() {
    // CM17-0008519: "… Pain Management, Occupational" / "Medicine"
    Reviewer r = ReviewerParser.read(List.of("State(s) of Licensure: California",
        "Certification(s)/Specialty: Physical Medicine & Rehabilitation, Pain Management, Occupational", "Medicine", ""));
    assertEquals(List.of("Physical Medicine and Rehabilitation", "Occupational Medicine"), r.specialties());
    assertEquals(List.of("Pain Medicine"), r.subspecialties());
    // a line that adds no board name is not part of the credentials
    Reviewer alone = ReviewerParser.read(List.of("State(s) of Licensure: California", "Certification(s)/Specialty: Family Practice",
        "The Expert Reviewer was selected"));
    assertEquals(List.of("Family Medicine"), alone.specialties());
  }
}
