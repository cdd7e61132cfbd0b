package org.optbench.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Steps and seconds to target on hand-made loss curves, checked by hand. */
class TargetReachTest {

  private static final int[] STEPS = {1, 2, 3, 4};
  private static final float[] WALL_MS = {10, 25, 40, 55};

  private static TargetReach.Curve curve(float... loss) {
    return new TargetReach.Curve(STEPS, loss, WALL_MS, loss.length);
  }

  @Test
  void theSmoothedLossIsTheBiasCorrectedMovingAverage() {
    // m_t = 0.9·m_(t−1) + 0.1·ℓ_t from m_0 = 0, divided by 1 − 0.9^t. For losses 4, 2, 1, 1:
    // m = 0.4, 0.56, 0.604, 0.6436 and 1 − 0.9^t = 0.1, 0.19, 0.271, 0.3439, so the smoothed
    // losses are 4, 56/19, 604/271, 6436/3439.
    assertArrayEquals(new double[] {4, 56.0 / 19, 604.0 / 271, 6436.0 / 3439},
        TargetReach.smoothed(new float[] {4, 2, 1, 1}, 4), 1e-12);
  }

  @Test
  void theTargetIsThreeQuartersOfTheMeanDecrease() {
    // Seed A: 4, 2, 1, 1 (smoothed first 4, last 6436/3439 = 1.87147); seed B: half of A (2 and
    // 0.93574). Means: first 3, last 1.40361; target = 1.40361 + 0.25·(3 − 1.40361) = 1.80270.
    // A diverged seed (its curve ends in NaN) is no reference.
    double lastA = 6436.0 / 3439;
    double meanLast = (lastA + lastA / 2) / 2;
    double expected = meanLast + 0.25 * (3 - meanLast);
    assertEquals(1.8027042744984012, expected, 1e-15);
    double target = TargetReach.target(List.of(
        curve(4, 2, 1, 1), curve(2, 1, 0.5f, 0.5f), curve(3, Float.NaN, Float.NaN, Float.NaN)));
    assertEquals(expected, target, 1e-12);
  }

  @Test
  void aRunReachesTheTargetAtItsFirstSmoothedLossAtOrBelowIt() {
    double target = 1.8027042744984012;
    // Seed B's smoothed losses 2, 28/19 = 1.474, ...: step 2, at 25 ms of training time.
    TargetReach.Reach b = TargetReach.reach(curve(2, 1, 0.5f, 0.5f), target);
    assertEquals(2, b.step());
    assertEquals(0.025, b.seconds(), 1e-12);
    // Seed A ends at 1.871, above the target: never.
    TargetReach.Reach a = TargetReach.reach(curve(4, 2, 1, 1), target);
    assertFalse(a.reached());
    assertEquals(TargetReach.Reach.NEVER, a);
    // Exactly at the target counts: a constant curve reaches its own value at step 1.
    assertTrue(TargetReach.reach(curve(3, 3, 3, 3), 3).reached());
    assertEquals(1, TargetReach.reach(curve(3, 3, 3, 3), 3).step());
    // No target, no reach.
    assertFalse(TargetReach.reach(curve(1, 1, 1, 1), Double.NaN).reached());
  }
}
