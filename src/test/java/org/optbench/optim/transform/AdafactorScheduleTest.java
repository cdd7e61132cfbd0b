package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;
import org.optbench.optim.alias.Optimizers;

/**
 * What the relative step does under a schedule, what it reports, and the unfactored v from a
 * zero gradient. p = ones (2 × 3), G = ones, relative step and scale_parameter on: R = C = 1,
 * U = 1, RMS(U) = 1, αₜ = ρₜ·max(ε₂, RMS(p)) = 10⁻² at t = 1; the schedule's factor (the step's
 * lr, 1 by default) multiplies ρₜ, as optbench's schedules multiply every optimizer's lr.
 */
class AdafactorScheduleTest {

  private static GradientTransform adafactor(boolean factored) {
    return Optimizers.adafactor(1e-30, 1e-3, 1.0, SecondMomentDecay.increasing(-0.8), null, 0,
        true, true, false, factored).transform();
  }

  private static float firstStep(GradientTransform t, double scheduleFactor, StepContext c) {
    ParamTree p = ParamTree.of(new Tensor("w", new int[] {2, 3}, new float[] {1, 1, 1, 1, 1, 1}));
    ParamTree g = ParamTree.of(new Tensor("w", new int[] {2, 3}, new float[] {1, 1, 1, 1, 1, 1}));
    t.update(g, t.init(p), p, c.set(1, scheduleFactor, Double.NaN));
    return g.data(0)[0];
  }

  @Test
  void theScheduleFactorScalesTheRelativeStepAndIsReported() {
    StepContext full = StepContext.of(1, 1.0, Double.NaN);
    assertEquals(-0.01f, firstStep(adafactor(true), 1.0, full), 1e-9f);
    assertEquals(0.01, full.stepSize(), 1e-9, "αₜ recorded, not the lr");
    StepContext half = StepContext.of(1, 0.5, Double.NaN);
    assertEquals(-0.005f, firstStep(adafactor(true), 0.5, half), 1e-9f);
    assertEquals(0.005, half.stepSize(), 1e-9);
  }

  /** Unfactored: v = β̂·v + (1 − β̂)(g² + ε₁), so a zero first gradient leaves v = ε₁ and U = 0. */
  @Test
  void aZeroFirstGradientLeavesEps1InTheFullSecondMoment() {
    GradientTransform t = adafactor(false);
    ParamTree p = ParamTree.of(new Tensor("w", new int[] {2, 3}, new float[] {1, 1, 1, 1, 1, 1}));
    ParamTree g = ParamTree.of(new Tensor("w", new int[] {2, 3}, new float[6]));
    TransformState s = t.init(p);
    t.update(g, s, p, StepContext.of(1, 1.0, Double.NaN));
    for (float u : g.data(0)) {
      assertEquals(0f, u, 0f);
    }
    List<float[]> arrays = new ArrayList<>();
    s.tensorArrays(0, arrays);
    for (float v : arrays.get(0)) {
      assertEquals(1e-30f, v, 1e-36f);
    }
    assertTrue(arrays.size() == 1, "v only: no first moment without β1");
  }
}
