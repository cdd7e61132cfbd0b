package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.Trees;

/**
 * Hand-computed steps of NAdam, NAdamW, RAdam and Adamax on one scalar, from the formulas in
 * torch.optim's documentation (and Choi et al. 2019, Table 1, for NAdamW); β1 0.9, β2 0.999.
 */
class AdamVariantsTest {

  /** The parameter after each step; every update is Δp with lr included. */
  static float[] run(GradientTransform transform, float p0, float[] grads, double lr) {
    ParamTree p = Trees.vector(p0);
    TransformState s = transform.init(p);
    float[] trajectory = new float[grads.length];
    for (int t = 0; t < grads.length; t++) {
      Trees.step(transform, s, p, Trees.vector(grads[t]), StepContext.of(t + 1, lr, Double.NaN));
      trajectory[t] = p.data(0)[0];
    }
    return trajectory;
  }

  @Test
  void nadamFirstStepWeighsTheGradientAndTheNextMomentum() {
    // ψ = 0.004: μ₁ = 0.9·(1 − ½·0.96^0.004) = 0.450073474, μ₂ = 0.450146935, Π₁ = μ₁.
    // g = 1: m = 0.1, v = 0.001, d = √(v / 0.001) = 1. Step: −0.1·(1 − μ₁)/(1 − Π₁)·1
    // − 0.1·μ₂/(1 − Π₁μ₂)·0.1 = −0.1 − 0.1·0.564517784·0.1 = −0.105645178.
    GradientTransform nadam = NadamUpdate.nadam(0.9, 0.999, 1e-8, 0, 0.004, false);
    assertEquals(-0.105645178f, run(nadam, 0f, new float[] {1}, 0.1)[0], 2e-7f);
  }

  @Test
  void nadamWeightDecayCoupledOrDecoupled() {
    // L2: g = 1 + 0.5·2 = 2, m = 0.2, v = 0.004, d = 2: the same step as g = 1 above.
    GradientTransform coupled = NadamUpdate.nadam(0.9, 0.999, 1e-8, 0.5, 0.004, false);
    assertEquals(2f - 0.105645178f, run(coupled, 2f, new float[] {1}, 0.1)[0], 3e-7f);
    // decoupled_weight_decay: p ← 2·(1 − 0.1·0.5) = 1.9 first, then the g = 1 step.
    GradientTransform decoupled = NadamUpdate.nadam(0.9, 0.999, 1e-8, 0.5, 0.004, true);
    assertEquals(1.9f - 0.105645178f, run(decoupled, 2f, new float[] {1}, 0.1)[0], 3e-7f);
  }

  @Test
  void nadamwLooksAheadWithTheGradient() {
    // m = 0.1, m̄ = 0.9·0.1 + 0.1·1 = 0.19, bias corrections 0.1 and √0.001 cancel m̂ and v̂:
    // step 0.1·(0.19/0.1)/(√0.001/√0.001) = 0.19, 1.9× Adam's first step.
    GradientTransform nadamw = NadamWUpdate.nadamW(0.9, 0.999, 1e-8, 0);
    assertEquals(-0.19f, run(nadamw, 0f, new float[] {1}, 0.1)[0], 2e-7f);
    // Decoupled decay first: 2·(1 − 0.1·0.5) = 1.9, then −0.19.
    GradientTransform decayed = NadamWUpdate.nadamW(0.9, 0.999, 1e-8, 0.5);
    assertEquals(1.71f, run(decayed, 2f, new float[] {1}, 0.1)[0], 3e-7f);
  }

  @Test
  void radamIsMomentumSgdUntilRhoExceedsFive() {
    // ρ∞ = 1999; ρₜ = 1.0, 1.9995, 2.9987, 3.9975, 4.9960 for t ≤ 5: the step is
    // lr·m/(1 − β1ᵗ) = 0.1 (g = 1). ρ₆ = 5.99416 > 5: the step is rectified,
    // r₆ = √((ρ₆ − 4)(ρ₆ − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρ₆)) = 0.0258211, times √(1 − β2⁶)/√v₆ = 1.
    GradientTransform radam = RadamUpdate.radam(0.9, 0.999, 1e-8, 0, false);
    float[] x = run(radam, 0f, new float[] {1, 1, 1, 1, 1, 1}, 0.1);
    for (int t = 0; t < 5; t++) {
      assertEquals(-0.1f * (t + 1), x[t], 1e-6f, "step " + (t + 1));
    }
    assertEquals(-0.5f - 0.1f * 0.0258211f, x[5], 1e-6f);
  }

  @Test
  void adamaxDividesByTheDecayedInfinityNorm() {
    // g = 2: m = 0.2, u = max(0, 2 + ε) = 2, step 0.1/0.1·0.2/2 = 0.1.
    // g = −1: m = 0.2 + 0.1·(−1 − 0.2) = 0.08, u = max(0.999·2, 1) = 1.998,
    // step 0.1/(1 − 0.81)·0.08/1.998 = 0.0210737 → −0.1210737.
    GradientTransform adamax = AdamaxUpdate.adamax(0.9, 0.999, 1e-8, 0);
    float[] x = run(adamax, 0f, new float[] {2, -1}, 0.1);
    assertEquals(-0.1f, x[0], 1e-7f);
    assertEquals(-0.1210737f, x[1], 2e-7f);
  }

  @Test
  void adabeliefScalesByThePredictionErrorsSpread() {
    // g = 1: m = 0.1, g − m = 0.9, s = 0.001·0.81; m̂ = 1, ŝ = 0.81: u = 1/0.9, step −0.1/0.9.
    GradientTransform adabelief = AdaBeliefUpdate.adaBelief(0.9, 0.999, 1e-16, 1e-16);
    assertEquals(-0.11111111f, run(adabelief, 0f, new float[] {1}, 0.1)[0], 2e-7f);
  }

  @Test
  void adoptWaitsOneStepThenNormalisesByThePreviousSecondMoment() {
    // Step 1: v = g² = 4, no move. Step 2 (k = 1): u = 1/√4 = 0.5, m = 0.05, p = −0.005.
    // Step 3 (k = 2): v₂ = 0.9999·4 + 0.0001·1 = 3.9997, u = 1/√3.9997 = 0.5000188,
    // m = 0.045 + 0.05000188 = 0.09500188, p = −0.005 − 0.009500188.
    GradientTransform adopt = AdoptUpdate.adopt(0.9, 0.9999, 1e-6, false, true);
    float[] x = run(adopt, 0f, new float[] {2, 1, 1}, 0.1);
    assertEquals(0f, x[0], 0f);
    assertEquals(-0.005f, x[1], 1e-9f);
    assertEquals(-0.014500188f, x[2], 2e-9f);
    // Clipping: after v = 1, g = 100 gives u = 100, clipped to ±1^¼ = ±1 at k = 1.
    assertEquals(-0.01f, run(adopt, 0f, new float[] {1, 100}, 0.1)[1], 1e-9f);
    GradientTransform unclipped = AdoptUpdate.adopt(0.9, 0.9999, 1e-6, false, false);
    assertEquals(-1f, run(unclipped, 0f, new float[] {1, 100}, 0.1)[1], 1e-6f);
  }

  @Test
  void ademamixAddsAlphaTimesTheUncorrectedSlowMoment() {
    // g = 1, α 5, β3 0.9999: m1̂ = 1, m2 = 1e-4 (not corrected), v̂ = 1:
    // u = (1 + 5·1e-4)/(1 + 1e-8) = 1.0005; with λ 0.5 at p₀ = 2, the step is −0.1·(1.0005 + 1).
    GradientTransform ademamix = AdEMAMixUpdate.ademamix(0.9, 0.999, 0.9999, 5, 1e-8, 0);
    assertEquals(-0.10005f, run(ademamix, 0f, new float[] {1}, 0.1)[0], 2e-7f);
    GradientTransform decayed = AdEMAMixUpdate.ademamix(0.9, 0.999, 0.9999, 5, 1e-8, 0.5);
    assertEquals(2f - 0.20005f, run(decayed, 2f, new float[] {1}, 0.1)[0], 3e-7f);
  }
}
