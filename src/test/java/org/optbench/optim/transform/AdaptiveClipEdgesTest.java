package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.optbench.optim.ClipReport;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.Trees;

/** The adaptive clipping methods at the edges of their rules, worked by hand. */
class AdaptiveClipEdgesTest {

  private static ClipReport step(GradientTransform clip, TransformState state, ParamTree g,
      double loss) {
    return ClipTest.apply(clip, g, g, 0.1, loss, state);
  }

  /**
   * ZClip (Kumar et al. 2025) after two equal warm-up norms (5, 5): σ = 0, so a norm of 10 has
   * z = (10 − 5)/(0 + ε) = 5e6, a spike; the adaptive threshold is μ + z_thr²·σ/z = 5.
   */
  @Test
  void zclipTreatsAnyRiseAfterAFlatWarmUpAsASpike() {
    GradientTransform zclip = ZClip.zClip(0.97, 2.5, 2, 1e-6, null);
    TransformState s = zclip.init(Trees.vector(0, 0));
    step(zclip, s, Trees.vector(3, 4), Double.NaN);
    step(zclip, s, Trees.vector(3, 4), Double.NaN);
    ParamTree g = Trees.vector(6, 8);
    ClipReport r = step(zclip, s, g, Double.NaN);
    assertTrue(r.clipped());
    assertEquals(5.0, r.threshold(), 1e-9);
    assertArrayEquals(new float[] {3f, 4f}, g.data(0), 1e-5f);
  }

  /** ZClip's fixed ceiling uses the authors' rule with torch's 1e-6: 1e-4/(1e-3 + 1e-6). */
  @Test
  void zclipCeilingAtASmallNorm() {
    GradientTransform zclip = ZClip.zClip(0.97, 2.5, 5, 1e-6, 1e-4);
    ParamTree g = Trees.vector(6e-4f, 8e-4f);
    step(zclip, zclip.init(g), g, Double.NaN);
    assertArrayEquals(new float[] {5.994006e-5f, 7.992008e-5f}, g.data(0), 1e-11f);
  }

  /** An unchanged loss leaves the loss-feedback threshold where it was. */
  @Test
  void lossFeedbackHoldsTheThresholdWhenTheLossRepeats() {
    GradientTransform clip = LossFeedbackClip.lossFeedbackClip(1.0, 1.1, 0.99, 0.01, 100);
    TransformState s = clip.init(Trees.vector(0, 0));
    assertEquals(1.0, step(clip, s, Trees.vector(3, 4), 2.0).threshold(), 0);
    assertEquals(1.0, step(clip, s, Trees.vector(3, 4), 2.0).threshold(), 0);
    assertEquals(1.1, step(clip, s, Trees.vector(3, 4), 3.0).threshold(), 1e-12);
    assertEquals(1.1 * 0.99, step(clip, s, Trees.vector(3, 4), 1.0).threshold(), 1e-12);
  }

  /** min_norm = max_norm is a fixed threshold, allowed. */
  @Test
  void lossFeedbackWithEqualBoundsIsAFixedThreshold() {
    GradientTransform clip = LossFeedbackClip.lossFeedbackClip(5.0, 1.1, 0.99, 0.5, 0.5);
    TransformState s = clip.init(Trees.vector(0, 0));
    assertEquals(0.5, step(clip, s, Trees.vector(3, 4), 2.0).threshold(), 0);
    assertEquals(0.5, step(clip, s, Trees.vector(3, 4), 3.0).threshold(), 0);
  }

  /**
   * AutoClip over a run of unknown length keeps every norm: after norms 1, 2, ..., 2100 (past the
   * initial capacity of 1024), the 50th percentile (numpy's linear rule) is 1050.5.
   */
  @Test
  void autoclipHistoryGrowsPastItsInitialCapacity() {
    GradientTransform clip = AutoClip.autoClip(50, 0);
    TransformState s = clip.init(Trees.vector(0));
    ClipReport r = null;
    for (int t = 1; t <= 2100; t++) {
      r = step(clip, s, Trees.vector(t), Double.NaN);
    }
    assertEquals(1050.5, r.threshold(), 1e-9);
    assertTrue(r.clipped());
    ClipReport first = step(clip, clip.init(Trees.vector(0)), Trees.vector(7), Double.NaN);
    assertEquals(7.0, first.threshold(), 0, "one norm is its own percentile");
  }
}
