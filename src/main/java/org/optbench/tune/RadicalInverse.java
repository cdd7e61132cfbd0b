package org.optbench.tune;

/**
 * The radical inverse of Halton (1960): the base-b digits of an index mirrored about the radix
 * point, i = d0 + d1·b + d2·b² + … ↦ d0/b + d1/b² + d2/b³ + …, optionally with each digit first
 * replaced through a permutation of 0..b−1 (the scrambling of {@link Halton}).
 */
final class RadicalInverse {

  private RadicalInverse() {}

  /** The plain radical inverse of {@code index} in {@code base}. */
  static double of(long index, int base) {
    int[] identity = new int[base];
    for (int d = 0; d < base; d++) {
      identity[d] = d;
    }
    return scrambled(index, base, identity);
  }

  /**
   * The radical inverse with digit d written as {@code digits[d]}.
   *
   * <p>Terms are added least significant digit first, each an exact integer divided by an exact
   * power of the base (exact in a double while the power stays below 2^53), so every term is
   * correctly rounded and the sum matches AlgoPerf's Python loop bit for bit.
   */
  static double scrambled(long index, int base, int[] digits) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be non-negative (got " + index + ")");
    }
    double value = 0.0;
    double denominator = base;
    for (long i = index; i > 0; i /= base) {
      value += digits[(int) (i % base)] / denominator;
      denominator *= base;
    }
    return value;
  }
}
