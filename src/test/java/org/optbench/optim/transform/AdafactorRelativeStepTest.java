package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;
import org.optbench.optim.Trees;
import org.optbench.optim.alias.Optimizers;

/**
 * transformers' relative step ρₜ = min(10⁻², 1/√t) (warmup_init: min(10⁻⁶·t, 1/√t)) takes its
 * 1/√t branch only past t = 10⁴, far beyond the golden vectors' 12 steps. Here 40,000 real steps.
 *
 * <p>With scale_parameter off αₜ = ρₜ. W = 0 (2 × 3) with G = ones and b = 0 (3) with g = ones give
 * R = C = V = 1 at every step (β̂2₁ = 0, then constant inputs; ε₁ = 10⁻³⁰ vanishes next to 1), so
 * U = 1, RMS(U) = 1 (no update clipping) and each step moves every element by exactly −ρₜ.
 * transformers.optimization.Adafactor (transformers 5.18, PyTorch 2.13, float32) on the same
 * inputs, warmup_init off: Δ = −0.0099999905 at t = 100 and −0.0050048828 at t = 40,000 (W is
 * then near −300, where a float32 step is 3e-5).
 */
class AdafactorRelativeStepTest {

  private static final int[] STEPS_CHECKED = {100, 40_000};

  /** The change of W[0, 0] and b[0] at each step of {@link #STEPS_CHECKED}. */
  private static double[][] deltas(boolean warmupInit) {
    GradientTransform t = Optimizers.adafactor(1e-30, 1e-3, 1.0,
        SecondMomentDecay.increasing(-0.8), null, 0, false, true, warmupInit, true).transform();
    ParamTree p = ParamTree.of(new Tensor("w", new int[] {2, 3}, new float[6]),
        new Tensor("b", new int[] {3}, new float[3]));
    TransformState s = t.init(p);
    double[][] out = new double[STEPS_CHECKED.length][];
    int next = 0;
    for (int step = 1; step <= STEPS_CHECKED[STEPS_CHECKED.length - 1]; step++) {
      float w = p.data(0)[0];
      float b = p.data(1)[0];
      ParamTree g = ParamTree.of(
          new Tensor("w", new int[] {2, 3}, new float[] {1, 1, 1, 1, 1, 1}),
          new Tensor("b", new int[] {3}, new float[] {1, 1, 1}));
      Trees.step(t, s, p, g, StepContext.of(step, 1.0, Double.NaN));
      if (step == STEPS_CHECKED[next]) {
        out[next++] = new double[] {p.data(0)[0] - w, p.data(1)[0] - b};
      }
    }
    return out;
  }

  /** ρ₁₀₀ = min(0.01, 0.1) = 0.01; ρ₄₀₀₀₀ = min(0.01, 0.005) = 0.005. */
  @Test
  void relativeStepTakesOneOverRootTPastTenThousandSteps() {
    double[][] d = deltas(false);
    assertEquals(-0.01, d[0][0], 1e-5, "W, t = 100");
    assertEquals(-0.01, d[0][1], 1e-5, "b, t = 100");
    assertEquals(-0.005, d[1][0], 1e-4, "W, t = 40000");
    assertEquals(-0.005, d[1][1], 1e-4, "b, t = 40000");
  }

  /** ρ₁₀₀ = min(10⁻⁴, 0.1) = 10⁻⁴; ρ₄₀₀₀₀ = min(0.04, 0.005) = 0.005. */
  @Test
  void warmupInitAlsoEndsOnOneOverRootT() {
    double[][] d = deltas(true);
    assertEquals(-1e-4, d[0][0], 1e-6, "W, t = 100");
    assertEquals(-1e-4, d[0][1], 1e-6, "b, t = 100");
    assertEquals(-0.005, d[1][0], 1e-4, "W, t = 40000");
    assertEquals(-0.005, d[1][1], 1e-4, "b, t = 40000");
  }
}
