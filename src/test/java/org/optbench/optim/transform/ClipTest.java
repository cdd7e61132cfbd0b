package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.optbench.optim.ClipReport;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;
import org.optbench.optim.Trees;

/** Hand-computed cases for the fixed clipping methods (torch.nn.utils semantics). */
class ClipTest {

  static ClipReport apply(GradientTransform clip, ParamTree grads, ParamTree params, double lr,
      double loss, TransformState state) {
    // A transform rewrites the tree it is given and returns it (GradientTransform's contract).
    assertSame(grads, clip.update(grads, state, params, StepContext.of(1, lr, loss)));
    return ((ClipState) state).report();
  }

  static ClipReport apply(GradientTransform clip, ParamTree grads) {
    return apply(clip, grads, grads, 0.1, Double.NaN, clip.init(grads));
  }

  @Test
  void globalNormRescalesBothTensorsTogether() {
    // ‖(3, 4)‖ = 5 > 1: coef = 1/(5 + 1e-6) → (0.6, 0.8); the report says 5 → 1.
    ParamTree g = Trees.vector(3, 4);
    ClipReport r = apply(ClipByGlobalNorm.clipByGlobalNorm(1.0), g);
    assertArrayEquals(new float[] {0.6f, 0.8f}, g.data(0), 1e-6f);
    assertEquals(5.0, r.normBefore(), 1e-12);
    assertEquals(1.0, r.normAfter(), 1e-6);
    assertTrue(r.clipped());
    assertEquals(1.0, r.threshold());
  }

  @Test
  void globalNormBelowThresholdIsUntouched() {
    ParamTree g = Trees.vector(0.3f, 0.4f);
    ClipReport r = apply(ClipByGlobalNorm.clipByGlobalNorm(1.0), g);
    assertArrayEquals(new float[] {0.3f, 0.4f}, g.data(0));
    assertFalse(r.clipped());
  }

  @Test
  void valueClampsEachElement() {
    // clip_grad_value_(0.5): (3, −4, 0.2) → (0.5, −0.5, 0.2); norm √(25.04) → √0.54.
    ParamTree g = Trees.vector(3, -4, 0.2f);
    ClipReport r = apply(ClipByValue.clipByValue(0.5), g);
    assertArrayEquals(new float[] {0.5f, -0.5f, 0.2f}, g.data(0));
    assertEquals(Math.sqrt(0.54), r.normAfter(), 1e-6);
    assertTrue(r.clipped());
  }

  @Test
  void paramNormClipsEachTensorAlone() {
    // a = (3, 4) has norm 5 → (0.6, 0.8); b = (0.1) stays: global clipping would have scaled it.
    ParamTree g = ParamTree.of(new Tensor("a", new int[] {2}, new float[] {3, 4}),
        new Tensor("b", new int[] {1}, new float[] {0.1f}));
    ClipReport r = apply(ClipByParamNorm.clipByParamNorm(1.0), g);
    assertArrayEquals(new float[] {0.6f, 0.8f}, g.data(0), 1e-6f);
    assertArrayEquals(new float[] {0.1f}, g.data(1));
    assertEquals(Math.sqrt(1.01), r.normAfter(), 1e-6);
  }

  /**
   * Brock et al. 2021 eq. 3, λ = 0.1: W rows (3, 4) and (0, 0); G rows (1, 0) and (1, 0). Row 1:
   * ‖G‖/‖W‖ = 1/5 > 0.1 → G scaled to 0.1·5 = 0.5. Row 2: ‖W‖ is floored at ε = 1e-3, so
   * ‖G‖ = 1 > 1e-4 → scaled to 1e-4. A vector is one unit: b = (0.01) against ‖w‖ = 1 passes.
   */
  @Test
  void agcClipsEachUnitAgainstItsWeightNorm() {
    ParamTree params = ParamTree.of(new Tensor("w", new int[] {2, 2}, new float[] {3, 4, 0, 0}),
        new Tensor("b", new int[] {1}, new float[] {1}));
    ParamTree g = ParamTree.of(new Tensor("w", new int[] {2, 2}, new float[] {1, 0, 1, 0}),
        new Tensor("b", new int[] {1}, new float[] {0.01f}));
    GradientTransform agc = AdaptiveGradClip.adaptiveGradClip(0.1, 1e-3);
    ClipReport r = apply(agc, g, params, 0.1, Double.NaN, agc.init(params));
    assertArrayEquals(new float[] {0.5f, 0, 1e-4f, 0}, g.data(0), 1e-7f);
    assertArrayEquals(new float[] {0.01f}, g.data(1));
    assertTrue(r.clipped());
    assertEquals(0.1, r.threshold());
  }

  @Test
  void statClampsToMeanPlusKStdOfMagnitudes() {
    // |g| = (1, 1, 1, 1, 10): μ = 2.8, σ = √(104/5 − 7.84) = 3.6. k = 1 → τ = 6.4; k = 3 → 13.6.
    ParamTree g = Trees.vector(1, -1, 1, 1, -10);
    ClipReport r = apply(StatClip.statClip(1), g);
    assertArrayEquals(new float[] {1, -1, 1, 1, -6.4f}, g.data(0), 1e-5f);
    assertEquals(6.4, r.threshold(), 1e-5);
    ParamTree h = Trees.vector(1, -1, 1, 1, -10);
    assertFalse(apply(StatClip.statClip(3), h).clipped());
  }

  @Test
  void lrScaledThresholdIsCTimesLr() {
    // c = 10, lr = 0.1 → τ = 1; (3, 4) → (0.6, 0.8).
    ParamTree g = Trees.vector(3, 4);
    GradientTransform clip = LrScaledClip.lrScaledClip(10);
    ClipReport r = apply(clip, g, g, 0.1, Double.NaN, clip.init(g));
    assertEquals(1.0, r.threshold(), 1e-12);
    assertArrayEquals(new float[] {0.6f, 0.8f}, g.data(0), 1e-6f);
  }
}
