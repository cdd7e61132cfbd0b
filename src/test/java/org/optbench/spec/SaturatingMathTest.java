package org.optbench.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Sizes multiply and add without wrapping around to small or negative numbers. */
class SaturatingMathTest {

  @Test
  void productsThatFitAreExact() {
    assertEquals(6_480_000L, SaturatingMath.multiply(6_480, 1_000));
    assertEquals(0L, SaturatingMath.multiply(0, Long.MAX_VALUE));
  }

  @Test
  void productsThatOverflowStopAtTheLargestLong() {
    // 10¹² × 10¹² = 10²⁴ > 2⁶³ ≈ 9.2·10¹⁸; plain long arithmetic gives 2,003,764,205,206,896,640.
    assertEquals(Long.MAX_VALUE, SaturatingMath.multiply(1_000_000_000_000L, 1_000_000_000_000L));
    assertEquals(Long.MAX_VALUE, SaturatingMath.multiply(Long.MAX_VALUE, 2));
  }

  @Test
  void sumsThatOverflowStopAtTheLargestLong() {
    assertEquals(5L, SaturatingMath.add(2, 3));
    assertEquals(Long.MAX_VALUE, SaturatingMath.add(Long.MAX_VALUE, 1));
  }
}
