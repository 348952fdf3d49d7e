package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PartialAuthorizationTest {

  @Test
  void theThreeSentencesOfTheRemainingPortion() {
    // CM17-0002181: the decided portion is worded apart from the original request
    PartialAuthorization.Split s = PartialAuthorization.split("Ibuprofen 600mg #90 with 2 refill was the original request. "
        + "Ibuprofen 600mg #90 was authorized by the Claims Administrator. The remaining IMR eligible portion of the original "
        + "request, Two refills of Ibuprofen 600mg #90 is");
    assertEquals("Ibuprofen 600mg #90 with 2 refill", s.original());
    assertEquals("Ibuprofen 600mg #90", s.authorized());
    assertEquals("Two refills of Ibuprofen 600mg #90", s.item());
    assertNull(s.problem());
  }

  @Test
  void anAuthorisationOfSomethingElseLeavingTheOriginalRequestEligible() {
    // CM17-0002324: UR authorised occupational therapy instead; the IMR decided the original request
    PartialAuthorization.Split s = PartialAuthorization.split("Physical therapy 2 times a week for 6 weeks (12 sessions) to the "
        + "right elbow was the original request. The Claims Administrator authorized 2 sessions of occupational therapy, "
        + "leaving the original request IMR eligible. The original request, physical therapy 2 times a week for 6 weeks "
        + "(12 sessions) to the right elbow is");
    assertEquals("Physical therapy 2 times a week for 6 weeks (12 sessions) to the right elbow", s.original());
    assertEquals("2 sessions of occupational therapy", s.authorized());
    assertEquals("physical therapy 2 times a week for 6 weeks (12 sessions) to the right elbow", s.item());
  }

  @Test
  void aRemainingPortionOfTwoParts() {
    // CM17-0002198: the remaining portion names two parts joined by "and"
    PartialAuthorization.Split s = PartialAuthorization.split("Eight physical therapy sessions for the lumbar spine, left "
        + "shoulder, left wrist and left knee was the original request. Six physical therapy sessions for the lumbar spine, "
        + "left shoulder and left knee was authorized by the Claims Administrator. The remaining IMR eligible portion of the "
        + "original request, two physical therapy sessions for the lumbar spine, left shoulder and left knee and eight "
        + "physical therapy sessions for the left wrist is");
    assertEquals("two physical therapy sessions for the lumbar spine, left shoulder and left knee and eight physical therapy "
        + "sessions for the left wrist", s.item());
    assertEquals("Six physical therapy sessions for the lumbar spine, left shoulder and left knee", s.authorized());
  }

  @Test
  void aDottedStrengthDoesNotEndASentence() {
    PartialAuthorization.Split s = PartialAuthorization.split("Flexeril 7.5mg #90 was the original request. Flexeril 7.5mg #30 "
        + "was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, "
        + "Flexeril 7.5mg #60 is");
    assertEquals("Flexeril 7.5mg #90", s.original());
    assertEquals("Flexeril 7.5mg #60", s.item());
  }

  @Test
  void aHeadingThatNeverMentionsTheOriginalRequestIsNotSplit() {
    assertNull(PartialAuthorization.split("Norco 10/325mg #60"));
  }

  @Test
  void unknownWordingKeepsTheHeadingWholeAndSaysSo() {
    String heading = "Twelve visits, being the original request as modified to six visits";
    PartialAuthorization.Split s = PartialAuthorization.split(heading);
    assertEquals(heading, s.item());
    assertNull(s.original());
    assertNotNull(s.problem());
  }

  @Test
  void aLaterSentenceAtTheStartMeansTheHeadingBeganEarlier() {
    assertTrue(PartialAuthorization.startsMidHeading("Physical therapy for 6 sessions was authorized by the Claims "
        + "Administrator. The remaining IMR eligible portion of the original request, Physical therapy for 6 sessions is"));
    assertTrue(PartialAuthorization.startsMidHeading("The remaining IMR eligible portion of the original request, X is"));
    assertFalse(PartialAuthorization.startsMidHeading("Physical therapy for 12 sessions was the original request. Physical "
        + "therapy for 6 sessions was authorized by the Claims Administrator."));
    assertFalse(PartialAuthorization.startsMidHeading("Norco 10/325mg #60"));
  }

  @Test
  void theRulesFileIsChecked() {
    assertThrows(IllegalArgumentException.class, () -> PartialAuthorization.parse("original | (.+) was asked\n"));
    assertThrows(IllegalArgumentException.class, () -> PartialAuthorization.parse("guess | (?<text>.+)\n"));
    assertThrows(IllegalArgumentException.class, () -> PartialAuthorization.parse("# only a comment\n"));
  }
}
