package org.imrindex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Keeps the benchmark harness working; it times nothing and asserts no speed. */
class ParseBenchmarkSmokeTest {

  @Test
  void aTinyRunParsesEveryLetterAndReportsItsFigures() throws Exception {
    ParseBenchmark.Result r = ParseBenchmark.run(40, 1, 1);
    assertEquals(40, r.letters());
    assertTrue(r.decisions() >= 40, "decisions " + r.decisions());
    assertTrue(r.json().startsWith("{\"benchmark\":\"parse\",\"threads\":1,\"letters\":40,"), r.json());
  }
}
