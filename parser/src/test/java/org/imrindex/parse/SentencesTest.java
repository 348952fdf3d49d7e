package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sentences of a rationale: split at full stops, not after abbreviations, initials or units within a sentence. */
class SentencesTest {

  @Test
  void splitsAtFullStopsQuestionMarksAndAfterClosingQuotes() {
    assertEquals(List.of("The request is not recommended.", "Is it necessary?", "ODG says \"not recommended.\"", "So no."),
        Sentences.split("The request is not recommended. Is it necessary? ODG says \"not recommended.\" So no."));
  }

  @Test
  void abbreviationsInitialsAndDecimalsDoNotEndASentence() {
    assertEquals(List.of("First-line agents, e.g. Tricyclics, i.e. Amitriptyline, per Dr. J. Smith vs. Dr. Lee were not tried.",
        "Next 0.5 mg."),
        Sentences.split("First-line agents, e.g. Tricyclics, i.e. Amitriptyline, per Dr. J. Smith vs. Dr. Lee were not tried. Next 0.5 mg."));
  }

  @Test
  void aUnitEndsASentenceOnlyBeforeAWordThatStartsOne() {
    assertEquals(List.of("Norco 10/325 mg. #60 was requested.", "Gabapentin 600 mg.", "The request is not necessary."),
        Sentences.split("Norco 10/325 mg. #60 was requested. Gabapentin 600 mg. The request is not necessary."));
    assertEquals(List.of("Take 10 mg. Tramadol is also requested."), Sentences.split("Take 10 mg. Tramadol is also requested."));
  }

  @Test
  void aLowercaseWordAfterAFullStopContinuesTheSentenceAndBlankTextHasNone() {
    assertEquals(List.of("See p. 82 and pp. 74-82 of the MTUS."), Sentences.split(" See p. 82 and pp. 74-82 of the MTUS. "));
    assertEquals(List.of(), Sentences.split(null));
    assertEquals(List.of(), Sentences.split("  "));
  }
}
