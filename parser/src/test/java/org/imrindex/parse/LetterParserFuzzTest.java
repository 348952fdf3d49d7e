package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.Source;
import org.junit.jupiter.api.Test;

/** Random mixes of letter parts and junk give a letter or a typed rejection, never another exception. */
class LetterParserFuzzTest {

  private static final String[] PARTS = {
    "HOW THE IMR FINAL DETERMINATION WAS MADE", "CLINICAL CASE SUMMARY", "IMR ISSUES, DECISIONS AND",
    "RATIONALES", "IMR DECISION(S) AND RATIONALE(S)", "MEDICAL PROFESSIONAL REVIEW", "ISSUE AT DISPUTE:",
    "CASE SUMMARY:", "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:",
    "MEDICAL REVIEWER QUALIFICATIONS:", "Norco 10/325mg#120: Upheld", "1. Soma 350mg #90", ": Overturned",
    "Claims Administrator guideline:", "MAXIMUS guideline: MTUS Page(s): 74-82, 9999-1", "Decision rationale:",
    "Guideline(s) relied upon:", "Rationale:", "is not medically necessary and appropriate.", "Page 2 of 3",
    "IMR Case Number: CM14-0041187", "Date Assigned: 13/45/2014", "Final Determination: PARTIAL OVERTURN",
    "State(s) of Licensure:", "Certification(s)/Specialty: ,,;;", "Board Certified in", "licensed to practice in",
    "medica-", "tion", "\f", "\u00a0\u00ad\ufb01\u201c", "\u0000\u001b[31m", "####", "%%%% 100% / / /", "2x6",
    "The injured worker is a 200-year-old female injured on February 30, 2014."
  };

  @Test
  void randomMixesNeverThrowAnythingButARejection() {
    LetterParser parser = new LetterParser();
    Random random = new Random(20261123);
    Source source = new Source("fuzz", "-", "text/plain", null);
    int parsed = 0;
    for (int doc = 0; doc < 400; doc++) {
      StringBuilder sb = new StringBuilder();
      int lines = 1 + random.nextInt(80);
      for (int i = 0; i < lines; i++) {
        if (random.nextInt(10) == 0) {
          for (int k = random.nextInt(40); k > 0; k--) {
            sb.append((char) random.nextInt(0x3000));
          }
        } else {
          sb.append(PARTS[random.nextInt(PARTS.length)]);
        }
        sb.append(random.nextBoolean() ? "\n" : "\n\n");
      }
      try {
        DeterminationLetter l = parser.parseText(sb.toString(), source);
        assertNotNull(l.layout());
        assertTrue(!l.decisions().isEmpty());
        parsed++;
      } catch (LetterRejectedException e) {
        assertNotNull(e.reason());
      }
    }
    assertTrue(parsed > 20, "parsed " + parsed + " of 400");
  }

  @Test
  void longTextWithoutFullStopsIsParsed() throws LetterRejectedException {
    String run = "pain licensed Board certified in lumbar guidelines ".repeat(4000);
    String text = "HOW THE IMR FINAL DETERMINATION WAS MADE\n" + run + "\nCLINICAL CASE SUMMARY\n" + run
        + "\nIMR ISSUES, DECISIONS AND RATIONALES\nNorco 10mg #30: Upheld\nDecision rationale: " + run + "\n";
    DeterminationLetter l = new LetterParser().parseText(text, new Source("long", "-", "text/plain", null));
    assertTrue(l.reviewer().specialties().isEmpty());
  }
}
