package org.optbench.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DirectionTest {

  private static final double NAN = Double.NaN;

  @Test
  void reachedIncludesEquality() {
    assertTrue(Direction.LOWER_IS_BETTER.reached(0.5, 0.5));
    assertTrue(Direction.LOWER_IS_BETTER.reached(0.4, 0.5));
    assertFalse(Direction.LOWER_IS_BETTER.reached(0.6, 0.5));
    assertTrue(Direction.HIGHER_IS_BETTER.reached(0.9, 0.9));
    assertTrue(Direction.HIGHER_IS_BETTER.reached(0.95, 0.9));
    assertFalse(Direction.HIGHER_IS_BETTER.reached(0.85, 0.9));
  }

  @Test
  void nanNeverReachesAndIsWorstOfAll() {
    for (Direction d : Direction.values()) {
      assertFalse(d.reached(NAN, 0.5));
      double awful = d == Direction.LOWER_IS_BETTER ? Double.MAX_VALUE : -Double.MAX_VALUE;
      assertTrue(d.better(awful, NAN), d + ": every finite number beats NaN");
      assertFalse(d.better(NAN, awful));
      // The worst infinity and NaN both mean "diverged": neither is better.
      assertFalse(d.better(d.worst(), NAN));
      assertFalse(d.better(NAN, d.worst()));
      assertFalse(d.better(NAN, NAN));
      assertEquals(Double.NEGATIVE_INFINITY, d.goodness(NAN));
    }
  }

  @Test
  void betterIsStrict() {
    assertTrue(Direction.LOWER_IS_BETTER.better(1, 2));
    assertFalse(Direction.LOWER_IS_BETTER.better(2, 2));
    assertTrue(Direction.HIGHER_IS_BETTER.better(2, 1));
    assertFalse(Direction.HIGHER_IS_BETTER.better(1, 2));
  }
}
