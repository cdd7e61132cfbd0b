package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;

/**
 * Hand-checked Muon steps (torch.optim.Muon's formula) on rank-one gradients, where the
 * Newton–Schulz iteration acts on the one singular value alone: X = σ·u·vᵀ gives X·Xᵀ = σ²·u·uᵀ,
 * so each iteration maps σ to p(σ) = aσ + bσ³ + cσ⁵ and the result is p⁵(1)·u·vᵀ. With (a, b,
 * c) = (3.4445, −4.7750, 2.0315) from σ₀ = 1 (the Frobenius normalisation): σ₁ = 0.701,
 * σ₂ = 1.11362022, σ₃ = 0.72070595, σ₄ = 1.08997420, σ₅ = 0.69643641 — the singular values
 * oscillate around 1 rather than converge, as Jordan's coefficients intend.
 */
class MuonTest {

  private static final double SIGMA5 = 0.69643641;
  private static final double SIGMA3 = 0.72070595;

  private static MuonUpdate.Settings settings(double momentum, boolean nesterov,
      double weightDecay, int steps, MuonUpdate.LrAdjustment adjustment) {
    return new MuonUpdate.Settings(momentum, nesterov, weightDecay, 3.4445, -4.7750, 2.0315,
        steps, 1e-7, adjustment);
  }

  private static float[] step(GradientTransform muon, int rows, int cols, float[] p0,
      float[] grad, double lr) {
    ParamTree p = ParamTree.of(new Tensor("w", new int[] {rows, cols}, p0.clone()));
    TransformState s = muon.init(p);
    ParamTree g = ParamTree.of(new Tensor("w", new int[] {rows, cols}, grad.clone()));
    TreeMath.applyUpdates(p, muon.update(g, s, p, StepContext.of(1, lr, Double.NaN)));
    return p.data(0);
  }

  @Test
  void aRankOneGradientBecomesItsDirectionTimesTheFifthIterate() {
    // G = [3, 4] (1 × 2), momentum 0: B = G, ‖G‖ = 5, O = σ₅·[0.6, 0.8]; √max(1, 1/2) = 1.
    GradientTransform muon = MuonUpdate.muon(
        settings(0, false, 0, 5, MuonUpdate.LrAdjustment.ORIGINAL));
    float[] p = step(muon, 1, 2, new float[] {0, 0}, new float[] {3, 4}, 0.1);
    assertArrayEquals(new float[] {(float) (-0.1 * SIGMA5 * 0.6), (float) (-0.1 * SIGMA5 * 0.8)},
        p, 1e-7f);
  }

  @Test
  void aTallMatrixScalesLrByTheRootOfItsAspectOrByMoonshotsRule() {
    // G = (1, 2, 2, 4)ᵀ (4 × 1, transposed for the iteration), ‖G‖ = 5, O = σ₅·G/5.
    // Jordan: lr·√max(1, 4/1) = 2·lr; Moonshot: lr·0.2·√max(4, 1) = 0.4·lr.
    float[] grad = {1, 2, 2, 4};
    float[] original = step(MuonUpdate.muon(settings(0, true, 0, 5,
        MuonUpdate.LrAdjustment.ORIGINAL)), 4, 1, new float[4], grad, 0.1);
    float[] moonshot = step(MuonUpdate.muon(settings(0, true, 0, 5,
        MuonUpdate.LrAdjustment.MATCH_RMS_ADAMW)), 4, 1, new float[4], grad, 0.1);
    for (int j = 0; j < 4; j++) {
      assertEquals(-0.2 * SIGMA5 * grad[j] / 5, original[j], 1e-7);
      assertEquals(-0.04 * SIGMA5 * grad[j] / 5, moonshot[j], 1e-7);
    }
  }

  @Test
  void momentumIsAnAverageNesterovLooksAheadAndDecayIsDecoupled() {
    // μ 0.95, one step: B = lerp(0, G, 0.05) = 0.05·G; Nesterov U = lerp(G, B, 0.95)
    // = 0.05·G + 0.95·0.05·G = 0.0975·G; either way O is the direction of G (σ₃ after three
    // iterations): the iteration normalises. λ 0.5, lr 0.1: p = 2·(1 − 0.05) − 0.1·σ₃·G/‖G‖.
    GradientTransform muon = MuonUpdate.muon(
        settings(0.95, true, 0.5, 3, MuonUpdate.LrAdjustment.ORIGINAL));
    float[] p = step(muon, 1, 2, new float[] {2, 2}, new float[] {3, 4}, 0.1);
    assertEquals(1.9 - 0.1 * SIGMA3 * 0.6, p[0], 2e-7);
    assertEquals(1.9 - 0.1 * SIGMA3 * 0.8, p[1], 2e-7);
  }

  @Test
  void vectorsAreNotMuons() {
    GradientTransform muon = MuonUpdate.muon(
        settings(0.95, true, 0, 5, MuonUpdate.LrAdjustment.ORIGINAL));
    assertThrows(IllegalArgumentException.class,
        () -> muon.init(ParamTree.of(Tensor.zeros("b", 3))));
  }

  @Test
  void adjustmentsAreNamedAsTorchNamesThem() {
    assertEquals(MuonUpdate.LrAdjustment.ORIGINAL, MuonUpdate.LrAdjustment.named("original"));
    assertEquals(MuonUpdate.LrAdjustment.MATCH_RMS_ADAMW,
        MuonUpdate.LrAdjustment.named("match_rms_adamw"));
    assertThrows(IllegalArgumentException.class, () -> MuonUpdate.LrAdjustment.named("rms"));
  }
}
