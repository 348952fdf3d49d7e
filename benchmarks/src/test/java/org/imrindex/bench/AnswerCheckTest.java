package org.imrindex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A wrong answer ends a benchmark run with exit status 1 and says on stderr what differed. */
class AnswerCheckTest {

  @Test
  void aWrongAnswerIsStatusOneWithTheDifferencesOnStderr() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = AnswerCheck.run(() -> new AnswerCheck("index").same("letters indexed", 100, 99)
        .sameCounts("report --by drug_class decisions", Map.of("nsaid", 3L, "opioid", 7L), Map.of("opioid", 6L, "ppi", 1L)).orFail(),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(1, status);
    assertEquals("""
        bin/bench index: WRONG ANSWER, timings void:
          letters indexed: expected 100, got 99
          report --by drug_class decisions [nsaid]: expected 3, got null
          report --by drug_class decisions [opioid]: expected 7, got 6
          report --by drug_class decisions [ppi]: expected null, got 1
        """, err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void rightAnswersRunThroughAndOtherFailuresPropagate() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(0, AnswerCheck.run(() -> new AnswerCheck("parse").same("decisions", 60, 60).orFail(), new PrintStream(err)));
    assertEquals("", err.toString(StandardCharsets.UTF_8));
    assertThrows(IllegalStateException.class, () -> AnswerCheck.run(() -> {
      throw new IllegalStateException("disk full");
    }, new PrintStream(err)));
    assertEquals(List.of(), new AnswerCheck("x").same("n", 1, 1).differences());
  }
}
