package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.Trees;
import org.optbench.spec.CurvatureNeed;

/**
 * Hand-computed steps of Sophia from Liu et al. 2023, Algorithm 3, in optax.contrib.sophia's
 * form: m ← β1·m + (1 − β1)·g, m̂ = m/(1 − β1ᵗ), u = clip(m̂ / max(γ·h, ε), ±c),
 * p ← p − lr·(u + λ·p), and h ← β2·h + (1 − β2)·ĥ after the update at steps 1, 1 + k, ….
 * Settings chosen for round numbers: β1 = β2 = γ = 0.5, ε = 0.1, c = 1, λ = 0.1, lr = 0.1,
 * k = 2; p₀ = (1, −2) and the same g = (0.2, −0.4) at every step, so m̂ = g exactly.
 */
class SophiaTest {

  private static final float[] G = {0.2f, -0.4f};

  private static GradientTransform sophia(Double clip) {
    return SophiaUpdate.sophia(new SophiaUpdate.Options(0.5, 0.5, 0.1, 0.5, clip, 0.1, 2));
  }

  /** One step with estimate {@code hHat} (null for none); returns the parameters after it. */
  private static float[] step(GradientTransform t, ArrayState s, ParamTree p, int step,
      float[] hHat) {
    StepContext c = StepContext.of(step, 0.1, Double.NaN)
        .withHessianDiagonal(hHat == null ? null : Trees.vector(hHat.clone()));
    Trees.step(t, s, p, Trees.vector(G.clone()), c);
    return p.data(0).clone();
  }

  @Test
  void threeStepsWithTwoRefreshesOfTheHessianEstimate() {
    GradientTransform t = sophia(1.0);
    ParamTree p = Trees.vector(1f, -2f);
    ArrayState s = (ArrayState) t.init(p);

    // Step 1 (refreshes): m = 0.5·g = (0.1, −0.2), m̂ = m/0.5 = (0.2, −0.4); h = 0, so the
    // denominator is ε = 0.1 and u = (2, −4), clipped to (1, −1).
    // p = (1, −2) − 0.1·((1, −1) + 0.1·(1, −2)) = (1, −2) − (0.11, −0.12) = (0.89, −1.88).
    // Then h = 0.5·0 + 0.5·ĥ = 0.5·(4, 0.5) = (2, 0.25).
    assertArrayEquals(new float[] {0.89f, -1.88f}, step(t, s, p, 1, new float[] {4f, 0.5f}),
        1e-6f);
    assertArrayEquals(new float[] {2f, 0.25f}, s.buffers[1][0], 1e-7f);

    // Step 2 (no refresh; the estimate given is ignored): m = 0.5·(0.1, −0.2) + 0.5·g =
    // (0.15, −0.3), m̂ = m/0.75 = (0.2, −0.4); denominator max(0.5·(2, 0.25), 0.1) = (1, 0.125),
    // u = (0.2, −3.2), clipped to (0.2, −1).
    // p = (0.89, −1.88) − 0.1·((0.2, −1) + (0.089, −0.188)) = (0.89, −1.88) − (0.0289, −0.1188)
    //   = (0.8611, −1.7612).
    assertArrayEquals(new float[] {0.8611f, -1.7612f},
        step(t, s, p, 2, new float[] {100f, 100f}), 1e-6f);
    assertArrayEquals(new float[] {2f, 0.25f}, s.buffers[1][0], 1e-7f);

    // Step 3 (refreshes): m = (0.175, −0.35), m̂ = m/0.875 = (0.2, −0.4); u divides by h before
    // the refresh, (1, 0.125): u = (0.2, −1) again.
    // p = (0.8611, −1.7612) − 0.1·((0.2, −1) + (0.08611, −0.17612))
    //   = (0.8611, −1.7612) − (0.028611, −0.117612) = (0.832489, −1.643588).
    // Then h = 0.5·(2, 0.25) + 0.5·(6, 0.75) = (4, 0.5).
    assertArrayEquals(new float[] {0.832489f, -1.643588f},
        step(t, s, p, 3, new float[] {6f, 0.75f}), 1e-6f);
    assertArrayEquals(new float[] {4f, 0.5f}, s.buffers[1][0], 1e-7f);
    assertArrayEquals(new float[] {0.175f, -0.35f}, s.buffers[0][0], 1e-7f);
  }

  @Test
  void withoutAClipThresholdTheStepIsUnbounded() {
    // Step 1 as above without the clip: u = (2, −4);
    // p = (1, −2) − 0.1·((2, −4) + (0.1, −0.2)) = (1, −2) − (0.21, −0.42) = (0.79, −1.58).
    GradientTransform t = sophia(null);
    ParamTree p = Trees.vector(1f, -2f);
    ArrayState s = (ArrayState) t.init(p);
    assertArrayEquals(new float[] {0.79f, -1.58f}, step(t, s, p, 1, new float[] {4f, 0.5f}),
        1e-6f);
  }

  /** A due step without an estimate leaves h as it was (here 0), as documented. */
  @Test
  void aDueStepWithoutAnEstimateKeepsH() {
    GradientTransform t = sophia(1.0);
    ParamTree p = Trees.vector(1f, -2f);
    ArrayState s = (ArrayState) t.init(p);
    step(t, s, p, 1, null);
    assertArrayEquals(new float[] {0f, 0f}, s.buffers[1][0]);
  }

  /**
   * The refresh steps the transform uses are the ones the training loop and replay give estimates
   * at ({@link CurvatureNeed#due}): with k = 3, steps 1, 4, 7, 10.
   */
  @Test
  void refreshStepsAgreeWithTheTrainingLoopsSchedule() {
    GradientTransform t = SophiaUpdate.sophia(
        new SophiaUpdate.Options(0.5, 0.5, 0.1, 0.5, 1.0, 0.0, 3));
    ParamTree p = Trees.vector(1f);
    ArrayState s = (ArrayState) t.init(p);
    StringBuilder refreshed = new StringBuilder();
    for (int step = 1; step <= 10; step++) {
      float before = s.buffers[1][0][0];
      Trees.step(t, s, p, Trees.vector(0.1f), StepContext.of(step, 0.1, Double.NaN)
          .withHessianDiagonal(Trees.vector(1f)));
      boolean changed = s.buffers[1][0][0] != before;
      assertEquals(CurvatureNeed.due(3, step), changed, "step " + step);
      if (changed) {
        refreshed.append(step).append(' ');
      }
    }
    assertEquals("1 4 7 10 ", refreshed.toString());
    assertTrue(!CurvatureNeed.due(3, 2));
  }
}
