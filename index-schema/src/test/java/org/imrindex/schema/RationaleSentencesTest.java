package org.imrindex.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a rationale is cut into sentences and how sentences are compared (the expected values are written by hand). */
class RationaleSentencesTest {

  @Test
  void sentencesEndAtAStopBeforeACapitalButNotAfterAnAbbreviation() {
    assertEquals(List.of("Per Dr. Smith, the MTUS (p. 74) does not recommend it, e.g. for long-term use.",
        "Therefore, the request is not medically necessary.", "\"Not recommended\" is the guideline's word.",
        "12 visits were completed!", "Was it helpful? no."),
        RationaleSentences.split("Per Dr. Smith, the MTUS (p. 74) does not recommend it, e.g. for long-term use. Therefore, the request is"
            + " not medically necessary.  \"Not recommended\" is the guideline's word.\n12 visits were completed! Was it helpful? no."));
    assertEquals(List.of(), RationaleSentences.split("  "));
    assertEquals(List.of(), RationaleSentences.split(null));
  }

  @Test
  void normalizedSentencesIgnoreCaseSpacingFiguresAndDates() {
    assertEquals("as of # 0, 0 the patient had 0 of 0 sessions (0/0/0).",
        RationaleSentences.normalize("As of  November 8, 2016 the\npatient had 6 of 12 sessions (01/02/2016)."));
    assertEquals(RationaleSentences.hash(RationaleSentences.normalize("The MTUS allows 10 visits over 8 weeks.")),
        RationaleSentences.hash(RationaleSentences.normalize("the MTUS  allows 9 visits over 4 weeks.")));
    // "may" is a month only before a number
    assertEquals("this may help in # 0.", RationaleSentences.normalize("This may help in May 2016."));
    assertNotEquals(RationaleSentences.hash("the request is not medically necessary."), RationaleSentences.hash("the request is medically necessary."));
  }

  @Test
  void aRepeatedSentenceRepeatsItsHash() {
    long[] h = RationaleSentences.hashes("It is not recommended. It is NOT recommended. Other.");
    assertEquals(3, h.length);
    assertEquals(h[0], h[1]);
    assertNotEquals(h[0], h[2]);
  }
}
