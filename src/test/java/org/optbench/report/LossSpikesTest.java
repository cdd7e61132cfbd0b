package org.optbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The spike rule on short loss sequences worked out by hand (EMA weight 0.1, factor 2, 10 steps). */
class LossSpikesTest {

  private static final float NAN = Float.NaN;

  @Test
  void aLossAboveTwiceTheMovingAverageAfterTheWarmUpIsASpike() {
    float[] loss = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1, 1, NAN, 2.5f, 2};
    // After ten 1s the average is 1: 3 > 2, a spike at index 10. The average moves to
    // 0.9·1 + 0.1·3 = 1.2, then 1.18 and 1.162 (the NaN is skipped): 2.5 > 2.324, a spike at 14.
    // Then 1.2958: 2 < 2.5916, none.
    assertArrayEquals(new int[] {10, 14}, LossSpikes.indices(loss, loss.length));
  }

  @Test
  void theFirstTenFiniteLossesAreNeverSpikes() {
    // Index 10 is only the tenth finite loss (the NaN does not count): no spike yet.
    assertArrayEquals(
        new int[] {}, LossSpikes.indices(new float[] {NAN, 1, 1, 1, 1, 1, 1, 1, 1, 1, 100}, 11));
    assertArrayEquals(
        new int[] {11},
        LossSpikes.indices(new float[] {NAN, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 100}, 12));
  }

  @Test
  void exactlyTwiceTheAverageIsNoSpike() {
    assertArrayEquals(
        new int[] {}, LossSpikes.indices(new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2}, 11));
  }

  @Test
  void onlyTheFirstNLossesAreLookedAt() {
    float[] loss = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9};
    assertArrayEquals(new int[] {}, LossSpikes.indices(loss, 11));
    assertArrayEquals(new int[] {11}, LossSpikes.indices(loss, 12));
  }
}
