package org.optbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The spike rule of {@link LossSpikes}: log loss above its moving average (weight 0.1) by more
 * than ln 2 and by more than 7 noise scales, the scale being √(mean of (Δ ln loss)² / 2); ten
 * warm-up losses; one spike per stretch of steps above.
 */
class LossSpikesTest {

  private static final float NAN = Float.NaN;

  @Test
  void onANoiseFreeLossOnlyTheTwofoldFloorCounts() {
    // Ten 1s: baseline ln 1 = 0 and no jitter (scale 0), so a loss above 2 is a spike, 2 is not.
    assertArrayEquals(new int[] {10}, LossSpikes.indices(ones(10, 3), 11));
    assertArrayEquals(new int[] {}, LossSpikes.indices(ones(10, 2), 11));
  }

  @Test
  void aJumpWithinSevenNoiseScalesIsNoSpike() {
    // Log losses alternating 0, 0.2: every (Δy)²/2 is 0.02, so the scale is √0.02 = 0.1414 and
    // 7 scales are 0.990. The baseline settles between 0.0947 and 0.1053 (the EMA of the
    // alternation: m = 0.9 m' + 0.1 · 0.2, m' = 0.9 m). After forty such losses, e^1.0 rises
    // about 0.895 above the baseline: more than ln 2 = 0.693, less than 0.990, no spike;
    // e^1.5 rises about 1.395: a spike.
    float[] loss = new float[41];
    for (int i = 0; i < 40; i++) {
      loss[i] = (float) Math.exp(i % 2 == 0 ? 0 : 0.2);
    }
    loss[40] = (float) Math.exp(1.0);
    assertArrayEquals(new int[] {}, LossSpikes.indices(loss, 41));
    loss[40] = (float) Math.exp(1.5);
    assertArrayEquals(new int[] {40}, LossSpikes.indices(loss, 41));
  }

  @Test
  void healthyNoisyRunsHaveNoSpike() {
    // A decaying curve 0.01 + 1/√t times i.i.d. lognormal noise; at σ = 1 minibatch losses of
    // neighbouring steps differ by 10× and more. A plain ratio rule (2× an EMA of the loss)
    // marks dozens of steps in such runs.
    for (double sigma : new double[] {0.3, 1.0, 1.5}) {
      float[] loss = noisyDecay(3000, sigma, new Random(20261202));
      assertArrayEquals(new int[] {}, LossSpikes.indices(loss, loss.length), "σ = " + sigma);
    }
  }

  @Test
  void aPlantedTenfoldSpikeIsFoundAtItsIndex() {
    // With σ = 0.1 the noise scale is near 0.1, so 7 scales are about 0.7 < ln 10 = 2.30.
    float[] loss = noisyDecay(1000, 0.1, new Random(7));
    loss[600] *= 10;
    assertArrayEquals(new int[] {600}, LossSpikes.indices(loss, loss.length));
  }

  @Test
  void aDivergingTailIsOneSpikeAtItsOnset() {
    // 1.5× per step from index 400 until float overflow (Infinity), then NaN: every step of the
    // tail is far above the lagging baseline, but the stretch is one spike, where it leaves the
    // noise (the first steps of growth are still within it).
    float[] loss = noisyDecay(700, 0.2, new Random(11));
    for (int i = 400; i < 700; i++) {
      loss[i] = (float) (loss[399] * Math.pow(1.5, i - 399));
    }
    loss[699] = NAN;
    int[] spikes = LossSpikes.indices(loss, loss.length);
    assertEquals(1, spikes.length);
    assertTrue(spikes[0] > 400 && spikes[0] < 420, "onset near 400, was " + spikes[0]);
    assertEquals(Float.POSITIVE_INFINITY, loss[698], "the tail overflows");
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
  void nonFiniteAndNonPositiveLossesAreSkipped() {
    // A zero loss has no logarithm; it neither counts towards the warm-up nor moves the averages.
    // Before index 11 there are nine positive, finite losses: still warming up.
    assertArrayEquals(
        new int[] {}, LossSpikes.indices(new float[] {1, 1, 1, 0, 1, 1, NAN, 1, 1, 1, 1, 3}, 12));
    assertArrayEquals(
        new int[] {12},
        LossSpikes.indices(new float[] {1, 1, 1, 0, 1, 1, NAN, 1, 1, 1, 1, 1, 3}, 13));
  }

  @Test
  void onlyTheFirstNLossesAreLookedAt() {
    float[] loss = ones(11, 9);
    assertArrayEquals(new int[] {}, LossSpikes.indices(loss, 11));
    assertArrayEquals(new int[] {11}, LossSpikes.indices(loss, 12));
  }

  /** {@code count} losses of 1 followed by {@code last}. */
  private static float[] ones(int count, float last) {
    float[] loss = new float[count + 1];
    Arrays.fill(loss, 1);
    loss[count] = last;
    return loss;
  }

  /** (0.01 + 1/√t) · exp(σ·z), z standard normal, t = 1 … n. */
  private static float[] noisyDecay(int n, double sigma, Random random) {
    float[] loss = new float[n];
    for (int i = 0; i < n; i++) {
      loss[i] = (float) ((0.01 + 1 / Math.sqrt(i + 1)) * Math.exp(sigma * random.nextGaussian()));
    }
    return loss;
  }
}
