package org.imrindex.query;

/** The Wilson score interval of a binomial proportion: sound at small n and near 0 or 1, unlike the normal one. */
public final class Wilson {

  /** The normal quantile of a two-sided 95% interval. */
  public static final double Z95 = 1.959963984540054;

  private Wilson() {}

  /** {low, high} of the 95% interval for k successes in n trials; {0, 0} when n is 0. */
  public static double[] interval95(long k, long n) {
    if (n == 0) {
      return new double[] {0, 0};
    }
    double z2 = Z95 * Z95;
    double p = (double) k / n;
    double denominator = 1 + z2 / n;
    double center = (p + z2 / (2.0 * n)) / denominator;
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    return new double[] {Math.max(0, center - half), Math.min(1, center + half)};
  }
}
