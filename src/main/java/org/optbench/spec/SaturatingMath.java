package org.optbench.spec;

/**
 * Products and sums of sizes that stop at {@link Long#MAX_VALUE} instead of wrapping around, so
 * that a grid of 10¹² × 10¹² runs or a layer of 2·10⁹ × 2·10⁹ weights compares as "too large"
 * rather than as a negative number.
 */
public final class SaturatingMath {

  private SaturatingMath() {}

  /** {@code a × b} for {@code a, b >= 0}, or {@link Long#MAX_VALUE} when it does not fit. */
  public static long multiply(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long product = a * b;
    return high != 0 || product < 0 ? Long.MAX_VALUE : product;
  }

  /** {@code a + b} for {@code a, b >= 0}, or {@link Long#MAX_VALUE} when it does not fit. */
  public static long add(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
