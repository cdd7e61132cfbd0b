package org.optbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Two one-sided tests, decided from intervals chosen by hand. */
class EquivalenceTest {

  private static Estimate difference(double low, double high) {
    return new Estimate("d", (low + high) / 2,
        new Interval(low, high, Equivalence.TOST_LEVEL, Interval.Method.STUDENT_T), 5, Pairing.PAIRED, 1);
  }

  @Test
  void intervalInsideTheMarginIsEquivalent() {
    assertEquals(Equivalence.Decision.EQUIVALENT, Equivalence.decide(difference(-0.04, 0.03), 0.05));
  }

  @Test
  void intervalBeyondTheMarginIsNotEquivalent() {
    assertEquals(Equivalence.Decision.NOT_EQUIVALENT, Equivalence.decide(difference(0.06, 0.09), 0.05));
    assertEquals(Equivalence.Decision.NOT_EQUIVALENT, Equivalence.decide(difference(-0.2, -0.051), 0.05));
  }

  @Test
  void intervalAcrossTheMarginIsUndecided() {
    assertEquals(Equivalence.Decision.UNDECIDED, Equivalence.decide(difference(-0.01, 0.07), 0.05));
  }

  @Test
  void marginMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> Equivalence.decide(difference(0, 0), 0));
  }

  @Test
  void seedsToShowEquivalenceByHand() {
    // mean 0.01, sd 0.02, margin 0.05, 90%: n = 2 gives 0.01 + 6.314·0.02/√2 = 0.099 > 0.05;
    // n = 3: 0.01 + 2.920·0.02/√3 = 0.0437 ≤ 0.05.
    assertEquals(3, SeedStatistics.seedsToShowEquivalence(0.01, 0.02, 0.05, 0.90, 1000));
    assertEquals(Integer.MAX_VALUE, SeedStatistics.seedsToShowEquivalence(0.06, 0.02, 0.05, 0.90, 1000));
  }
}
