package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.optbench.optim.transform.AdamVariantsTest.run;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.Trees;

/** Hand-computed steps of Adadelta, ASGD and Rprop, from torch.optim's documented algorithms. */
class AdadeltaAsgdRpropTest {

  @Test
  void adadeltaStepsInUnitsOfThePastUpdates() {
    // ρ 0.9, ε 1e-6, g = 1: s₁ = 0.1, Δ₁ = √(0 + ε)/√(0.1 + ε) = 0.00316226185;
    // a₁ = 0.1·Δ₁² = 9.9999e-7; s₂ = 0.19, Δ₂ = √(a₁ + ε)/√(0.19 + ε) = 0.00324441177.
    GradientTransform adadelta = AdadeltaUpdate.adadelta(0.9, 1e-6, 0);
    float[] x = run(adadelta, 0f, new float[] {1, 1}, 1.0);
    assertEquals(-0.00316226185f, x[0], 1e-9f);
    assertEquals(-0.00640667362f, x[1], 2e-9f);
  }

  @Test
  void asgdDecaysItsStepAndAveragesFromT0() {
    // lr 0.1, λ 0.5, α 0.75, t0 0, g = 1, p₀ = 1.
    // η₁ = lr: p₁ = 1·(1 − 0.05) − 0.1 = 0.85; μ₂ = 1/max(1, 1 − 0) = 1 (ax = p).
    // η₂ = 0.1/(1 + 0.5·0.1·1)^0.75 = 0.0964068795: p₂ = 0.85·(1 − 0.5η₂) − η₂ = 0.712620197.
    // η₃ = 0.1/1.1^0.75: p₃ = 0.586346039; μ₃ = 1/2, so ax₃ = (p₂ + p₃)/2 = 0.649483118.
    GradientTransform asgd = AsgdUpdate.asgd(0.5, 0.75, 0, 0);
    ParamTree p = Trees.vector(1f);
    TransformState s = asgd.init(p);
    List<Float> iterates = new ArrayList<>();
    for (int t = 1; t <= 3; t++) {
      Trees.step(asgd, s, p, Trees.vector(1f), StepContext.of(t, 0.1, Double.NaN));
      iterates.add(p.data(0)[0]);
    }
    assertEquals(0.85f, iterates.get(0), 1e-7f);
    assertEquals(0.712620197f, iterates.get(1), 2e-7f);
    assertEquals(0.586346039f, iterates.get(2), 2e-7f);
    List<float[]> average = new ArrayList<>();
    s.tensorArrays(0, average);
    assertEquals(0.649483118f, average.get(0)[0], 2e-7f);
  }

  /**
   * Averaging starts after step t0: with t0 = 1, μ = 1/max(1, t − 1) is 1 after steps 1 and 2
   * (ax follows p) and 1/2 after step 3, so ax₄ = (p₃ + p₄)/2; with the default t0 = 10⁶ ax is
   * always the last iterate.
   */
  @Test
  void asgdAveragesOnlyAfterT0() {
    for (double t0 : new double[] {1, 1e6}) {
      GradientTransform asgd = AsgdUpdate.asgd(0, 0.75, t0, 0);
      ParamTree p = Trees.vector(0f);
      TransformState s = asgd.init(p);
      float[] iterates = new float[4];
      for (int t = 1; t <= 4; t++) {
        Trees.step(asgd, s, p, Trees.vector(t), StepContext.of(t, 0.1, Double.NaN));
        iterates[t - 1] = p.data(0)[0];
      }
      List<float[]> average = new ArrayList<>();
      s.tensorArrays(0, average);
      float expected = t0 == 1 ? (iterates[2] + iterates[3]) / 2 : iterates[3];
      assertEquals(expected, average.get(0)[0], 1e-7f, "t0 " + t0);
    }
  }

  @Test
  void rpropGrowsShrinksAndSkipsAfterAFlip() {
    // η₋ 0.5, η₊ 1.2, Δ₀ = lr = 0.1. g: 1 (no history: Δ 0.1, p −0.1); 1 (same sign: Δ 0.12,
    // p −0.22); −1 (flip: Δ 0.06, no move, gradient forgotten); 1 (no history: Δ 0.06, p −0.28).
    GradientTransform rprop = RpropUpdate.rprop(0.5, 1.2, 1e-6, 50);
    float[] x = run(rprop, 0f, new float[] {1, 1, -1, 1}, 0.1);
    assertEquals(-0.1f, x[0], 1e-7f);
    assertEquals(-0.22f, x[1], 1e-7f);
    assertEquals(-0.22f, x[2], 1e-7f);
    assertEquals(-0.28f, x[3], 1e-7f);
    // step_size_max 0.11 caps the second step: 0.1·1.2 → 0.11.
    GradientTransform capped = RpropUpdate.rprop(0.5, 1.2, 1e-6, 0.11);
    assertEquals(-0.21f, run(capped, 0f, new float[] {1, 1}, 0.1)[1], 1e-7f);
    // Only the first step's lr counts: a later lr of 10 changes nothing.
    ParamTree p = Trees.vector(0f);
    TransformState s = rprop.init(p);
    Trees.step(rprop, s, p, Trees.vector(1f), StepContext.of(1, 0.1, Double.NaN));
    Trees.step(rprop, s, p, Trees.vector(1f), StepContext.of(2, 10, Double.NaN));
    assertEquals(-0.22f, p.data(0)[0], 1e-7f);
  }
}
