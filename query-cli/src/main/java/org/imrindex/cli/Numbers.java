package org.imrindex.cli;

import java.util.Locale;

/**
 * The one way text output prints a count: with thousands separators, the same on every machine
 * ({@code 10,978}, Locale.ROOT). JSON and CSV print plain numbers and do not use it.
 */
final class Numbers {

  private Numbers() {}

  /** {@code n} with a comma between each group of three digits: 1200 is {@code 1,200}. */
  static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
