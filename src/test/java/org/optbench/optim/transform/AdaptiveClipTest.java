package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.optbench.optim.ClipReport;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.TransformState;
import org.optbench.optim.Trees;

/** Clipping methods whose threshold comes from the history of norms or losses. */
class AdaptiveClipTest {

  private static ClipReport step(GradientTransform clip, TransformState s, ParamTree g, double lr,
      double loss) {
    return ClipTest.apply(clip, g, g, lr, loss, s);
  }

  /**
   * Seetharaman et al. 2020: the threshold is np.percentile(history incl. this norm, p). Norms
   * 1, 2, 3, 4 with p = 50: at the 4th step the history is (1, 2, 3, 4) → 2.5, so norm 4 is cut
   * to 2.5 (coef 2.5/(4 + 1e-6)).
   */
  @Test
  void autoclipUsesThePercentileOfAllNormsSoFar() {
    GradientTransform clip = AutoClip.autoClip(50);
    TransformState s = clip.init(Trees.vector(0));
    double[] thresholds = new double[4];
    for (int i = 1; i <= 4; i++) {
      thresholds[i - 1] = step(clip, s, Trees.vector(i), 0.1, Double.NaN).threshold();
    }
    // np.percentile([1], 50) = 1; [1, 2] → 1.5; [1, 2, 3] → 2; [1, 2, 3, 4] → 2.5.
    assertArrayEquals(new double[] {1, 1.5, 2, 2.5}, thresholds, 1e-12);
    assertEquals(8L * 1024, s.stateBytes());
  }

  /**
   * Past its initial capacity the history grows and keeps every norm: capacity 3, norms 5, 1, 4,
   * 2, 3 (out of order, so each is inserted inside the sorted history) with p = 75 give
   * np.percentile thresholds 5, 4, 4.5, 4.25, 4; the history then holds 1024 norms (8 KiB).
   */
  @Test
  void autoclipHistoryGrowsPastItsInitialCapacity() {
    GradientTransform clip = AutoClip.autoClip(75, 3);
    TransformState s = clip.init(Trees.vector(0));
    assertEquals(8L * 3, s.stateBytes());
    float[] norms = {5, 1, 4, 2, 3};
    double[] thresholds = new double[norms.length];
    for (int i = 0; i < norms.length; i++) {
      thresholds[i] = step(clip, s, Trees.vector(norms[i]), 0.1, Double.NaN).threshold();
    }
    assertArrayEquals(new double[] {5, 4, 4.5, 4.25, 4}, thresholds, 1e-12);
    assertEquals(8L * 1024, s.stateBytes());
  }

  /**
   * ZClip's max_norm 2 caps every step, warm-up included, while the statistics keep the unclipped
   * norms. Warm-up 2, α = 0.5, z = 2.5: norm 1 passes; norm 3 is cut to 2 (2/(3 + 1e-6)) and
   * still seeds μ = 2, σ² = 1. Norm 2.5: z = 0.5 < 2.5, no spike, but cut to 2; the EMA takes 2.5:
   * μ = 2.25, σ² = 0.5 + 0.5·0.25² = 0.53125. Norm 10: a spike, τ = 2.25 + 6.25·σ/z = 2.678428
   * (σ = 0.728869, z = 10.632898), capped at 2; the EMA takes τ.
   */
  @Test
  void zclipMaxNormCapsEveryStepButNotTheStatistics() {
    GradientTransform clip = ZClip.zClip(0.5, 2.5, 2, 1e-6, 2.0);
    TransformState s = clip.init(Trees.vector(0));
    assertFalse(step(clip, s, Trees.vector(1), 0.1, Double.NaN).clipped());
    ParamTree warm = Trees.vector(3);
    ClipReport r = step(clip, s, warm, 0.1, Double.NaN);
    assertTrue(r.clipped());
    assertEquals(2.0, r.threshold(), 0);
    assertEquals(2f, warm.data(0)[0], 1e-5f);
    ZClip.Stats stats = (ZClip.Stats) s;
    assertEquals(2.0, stats.mean, 1e-12);
    assertEquals(1.0, stats.variance, 1e-12);
    ParamTree calm = Trees.vector(2.5f);
    r = step(clip, s, calm, 0.1, Double.NaN);
    assertTrue(r.clipped());
    assertEquals(2.0, r.threshold(), 0);
    assertEquals(2f, calm.data(0)[0], 1e-5f);
    assertEquals(2.25, stats.mean, 1e-12);
    assertEquals(0.53125, stats.variance, 1e-12);
    ParamTree spike = Trees.vector(10);
    r = step(clip, s, spike, 0.1, Double.NaN);
    assertEquals(2.0, r.threshold(), 0);
    assertEquals(2f, spike.data(0)[0], 1e-5f);
    assertEquals(0.5 * 2.25 + 0.5 * 2.678428, stats.mean, 1e-6);
  }

  /**
   * ZClip (Kumar et al. 2025), warm-up 2, α = 0.5, z = 2.5: norms 1 and 3 seed μ = 2, σ² = 1.
   * Step 3, norm 10: z = 8/(1 + 1e-6) > 2.5 → τ = 2 + 2.5²·1/z = 2.78125 (to 1e-6), and the EMA
   * takes τ: μ = 0.5·2 + 0.5·2.78125 = 2.390625, σ² = 0.5·1 + 0.5·(2.78125 − 2.390625)² =
   * 0.576294. Step 4, norm 2.5: z = 0.109/0.7591 < 2.5, untouched.
   */
  @Test
  void zclipSeedsStatisticsThenCutsSpikes() {
    GradientTransform clip = ZClip.zClip(0.5, 2.5, 2, 1e-6, null);
    TransformState s = clip.init(Trees.vector(0));
    assertFalse(step(clip, s, Trees.vector(1), 0.1, Double.NaN).clipped());
    assertFalse(step(clip, s, Trees.vector(3), 0.1, Double.NaN).clipped());
    ParamTree spike = Trees.vector(10);
    ClipReport r = step(clip, s, spike, 0.1, Double.NaN);
    assertTrue(r.clipped());
    assertEquals(2.78125, r.threshold(), 1e-6);
    assertEquals(2.78125f, spike.data(0)[0], 1e-5f);
    ZClip.Stats stats = (ZClip.Stats) s;
    assertEquals(2.390625, stats.mean, 1e-6);
    assertEquals(0.576294, stats.variance, 1e-6);
    assertFalse(step(clip, s, Trees.vector(2.5f), 0.1, Double.NaN).clipped());
  }

  /**
   * Loss feedback, τ₁ = 1, grow 2, shrink 0.5, bounds [0.25, 3]: losses 1, 2, 1.5, 1, 0.5, 0.2
   * give τ = 1, 2 (rose), 1 (fell), 0.5, 0.25, 0.25 (floor); losses 5, 6 after that: 0.5, 1;
   * a NaN loss keeps τ.
   */
  @Test
  void lossFeedbackGrowsOnRisingLossAndShrinksOnFalling() {
    GradientTransform clip = LossFeedbackClip.lossFeedbackClip(1, 2, 0.5, 0.25, 3);
    TransformState s = clip.init(Trees.vector(0));
    double[] losses = {1, 2, 1.5, 1, 0.5, 0.2, 5, 6, Double.NaN};
    double[] expected = {1, 2, 1, 0.5, 0.25, 0.25, 0.5, 1, 1};
    for (int i = 0; i < losses.length; i++) {
      assertEquals(expected[i], step(clip, s, Trees.vector(100), 0.1, losses[i]).threshold(), 0,
          "loss " + losses[i]);
    }
    ParamTree g = Trees.vector(0.3f);
    assertFalse(step(clip, s, g, 0.1, 6).clipped());
  }
}
