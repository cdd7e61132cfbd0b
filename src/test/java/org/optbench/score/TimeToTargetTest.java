package org.optbench.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Time to target on a constructed loss curve, evaluated every 100 steps. */
class TimeToTargetTest {

  private static final int[] STEPS = {0, 100, 200, 300, 400, 500};
  private static final double[] SECONDS = {0.0, 1.5, 3.0, 4.5, 6.0, 7.5};
  private static final double[] LOSS = {2.30, 1.20, Double.NaN, 0.70, 0.50, 0.40};

  private static Reach lossReach(double target) {
    return TimeToTarget.first(STEPS, SECONDS, LOSS, target, Direction.LOWER_IS_BETTER);
  }

  @Test
  void reachedAtExactEquality() {
    Reach r = lossReach(0.70);
    assertEquals(new Reach(300, 4.5), r);
    assertTrue(r.reached());
  }

  @Test
  void crossingBetweenEvaluationsCountsTheLaterEvaluation() {
    // 0.6 is crossed somewhere between step 300 (0.70) and step 400 (0.50): no interpolation.
    assertEquals(new Reach(400, 6.0), lossReach(0.60));
    assertEquals(new Reach(100, 1.5), lossReach(2.0));
  }

  @Test
  void firstEvaluationCanReach() {
    assertEquals(new Reach(0, 0.0), lossReach(2.30));
  }

  @Test
  void neverReached() {
    Reach r = lossReach(0.30);
    assertSame(Reach.NEVER, r);
    assertFalse(r.reached());
    assertEquals(-1, r.step());
    assertEquals(Double.POSITIVE_INFINITY, r.seconds());
    assertEquals(Double.POSITIVE_INFINITY, r.steps());
    assertEquals(Double.POSITIVE_INFINITY, r.time(TimeAxis.STEPS));
    assertEquals(Double.POSITIVE_INFINITY, r.time(TimeAxis.SECONDS));
  }

  @Test
  void nanEvaluationsNeverReach() {
    // The NaN at step 200 would meet any target if NaN compared as small; the first reach of 1.0
    // is at step 300.
    assertEquals(new Reach(300, 4.5), lossReach(1.0));
    double[] allNan = {Double.NaN, Double.NaN};
    assertSame(Reach.NEVER, TimeToTarget.first(new int[] {0, 10}, new double[] {0, 1}, allNan,
        Double.POSITIVE_INFINITY, Direction.LOWER_IS_BETTER));
  }

  @Test
  void higherIsBetter() {
    double[] accuracy = {0.10, 0.60, 0.80, 0.79, 0.90, 0.91};
    assertEquals(new Reach(200, 3.0),
        TimeToTarget.first(STEPS, SECONDS, accuracy, 0.80, Direction.HIGHER_IS_BETTER));
    assertEquals(new Reach(400, 6.0),
        TimeToTarget.first(STEPS, SECONDS, accuracy, 0.85, Direction.HIGHER_IS_BETTER));
  }

  @Test
  void timeOnEitherAxis() {
    Reach r = lossReach(0.50);
    assertEquals(400.0, r.time(TimeAxis.STEPS));
    assertEquals(6.0, r.time(TimeAxis.SECONDS));
    assertEquals(400.0, r.steps());
  }

  @Test
  void noEvaluationsNeverReach() {
    assertSame(Reach.NEVER, TimeToTarget.first(new int[0], new double[0], new double[0], 1,
        Direction.LOWER_IS_BETTER));
  }

  @Test
  void malformedCurvesAreRejected() {
    Direction d = Direction.LOWER_IS_BETTER;
    assertThrows(IllegalArgumentException.class,
        () -> TimeToTarget.first(new int[] {0, 1}, new double[] {0}, new double[] {1, 1}, 1, d));
    assertThrows(IllegalArgumentException.class, () -> TimeToTarget.first(
        new int[] {0, 100, 100}, new double[] {0, 1, 2}, new double[] {3, 2, 1}, 1, d));
    assertThrows(IllegalArgumentException.class, () -> TimeToTarget.first(
        new int[] {0, 100}, new double[] {2, 1}, new double[] {3, 2}, 1, d));
    assertThrows(IllegalArgumentException.class, () -> TimeToTarget.first(
        new int[] {0, 100}, new double[] {0, Double.NaN}, new double[] {3, 2}, 1, d));
    assertThrows(IllegalArgumentException.class, () -> TimeToTarget.first(
        new int[] {0}, new double[] {0}, new double[] {3}, Double.NaN, d));
  }

  @Test
  void reachIsConsistent() {
    assertThrows(IllegalArgumentException.class, () -> new Reach(-1, 3.0));
    assertThrows(IllegalArgumentException.class, () -> new Reach(5, Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> new Reach(-2, Double.POSITIVE_INFINITY));
    assertEquals(Reach.NEVER, new Reach(-1, Double.POSITIVE_INFINITY));
  }
}
