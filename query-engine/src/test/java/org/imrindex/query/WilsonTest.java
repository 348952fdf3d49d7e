package org.imrindex.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Against the worked examples of Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3. */
class WilsonTest {

  @Test
  void matchesNewcombesPublishedIntervals() {
    assertArrayEquals(new double[] {0.2553, 0.3662}, round(Wilson.interval95(81, 263)), 1e-9);
    assertArrayEquals(new double[] {0.0624, 0.1605}, round(Wilson.interval95(15, 148)), 1e-9);
    assertArrayEquals(new double[] {0.0, 0.1611}, round(Wilson.interval95(0, 20)), 1e-9);
    assertArrayEquals(new double[] {0.0061, 0.1718}, round(Wilson.interval95(1, 29)), 1e-9);
  }

  @Test
  void matchesAHandComputedInterval() {
    // 28 of 40: p = 0.7, z^2 = 3.8415, centre = (0.7 + 3.8415/80) / (1 + 3.8415/40) = 0.68247,
    // half width = 1.96 * sqrt(0.21/40 + 3.8415/6400) / 1.09604 = 0.13678
    assertArrayEquals(new double[] {0.5457, 0.8192}, round(Wilson.interval95(28, 40)), 1.1e-4);
  }

  @Test
  void noTrialsGiveAnEmptyInterval() {
    assertArrayEquals(new double[] {0, 0}, Wilson.interval95(0, 0), 0);
  }

  private static double[] round(double[] ci) {
    return new double[] {Math.round(ci[0] * 10_000) / 10_000.0, Math.round(ci[1] * 10_000) / 10_000.0};
  }
}
