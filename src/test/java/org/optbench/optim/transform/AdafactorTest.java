package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.Trees;
import org.optbench.optim.alias.Optimizers;
import org.optbench.optim.alias.Recipe;

/** Hand-computed first steps of both Adafactor variants. */
class AdafactorTest {

  /** transformers' default β̂2ₜ = 1 − t^−0.8. */
  private static final SecondMomentDecay HF_DECAY = SecondMomentDecay.increasing(-0.8);

  private static float[] firstStep(Recipe r, int[] shape, float[] p0, float[] g, double lr) {
    ParamTree p = Trees.tensor(shape, p0);
    TransformState s = r.transform().init(p);
    Trees.step(r.transform(), s, p, Trees.tensor(shape, g), StepContext.of(1, lr, Double.NaN));
    return p.data(0);
  }

  /**
   * transformers' Adafactor, defaults, W = ones(2, 2), G = [[1, 2], [3, 4]]. At t = 1,
   * β̂2 = 1 − 1^−0.8 = 0, so R = row means of G² = (2.5, 12.5), C = column means = (5, 10);
   * V̂ = R·C/mean(R) = [[5/3, 10/3], [25/3, 50/3]]; U = G/√V̂ = [[0.7745967, 1.0954451],
   * [1.0392305, 0.9797959]]; RMS(U) = √0.96 < 1, no clipping; ρ₁ = min(0.01, 1) and
   * RMS(W) = 1 give α = 0.01; W₁ = 1 − 0.01·U.
   */
  @Test
  void transformersFactoredFirstStep() {
    Recipe r = Optimizers.adafactor(1e-30, 1e-3, 1.0, HF_DECAY, null, 0, true, true, false, true);
    float[] w = firstStep(r, new int[] {2, 2}, new float[] {1, 1, 1, 1}, new float[] {1, 2, 3, 4},
        1.0);
    assertArrayEquals(new float[] {1 - 0.007745967f, 1 - 0.010954451f, 1 - 0.010392305f,
        1 - 0.009797959f}, w, 1e-6f);
  }

  /**
   * factored: false on the same matrix keeps the full V = G² at t = 1 (β̂2₁ = 0), so U = G/|G| =
   * sign(G) = all ones, RMS(U) = 1, and W₁ = 1 − 0.01 everywhere; the state is 4 floats, not the
   * 2 + 2 of the row and column factors.
   */
  @Test
  void unfactoredKeepsTheFullSecondMoment() {
    Recipe r = Optimizers.adafactor(1e-30, 1e-3, 1.0, HF_DECAY, null, 0, true, true, false, false);
    float[] w = firstStep(r, new int[] {2, 3}, new float[] {1, 1, 1, 1, 1, 1},
        new float[] {1, 2, 3, 4, 5, 6}, 1.0);
    assertArrayEquals(new float[] {0.99f, 0.99f, 0.99f, 0.99f, 0.99f, 0.99f}, w, 1e-6f);
    ParamTree p = Trees.tensor(new int[] {2, 3}, new float[6]);
    assertEquals(4L * 6, r.transform().init(p).stateBytes());
    Recipe factored =
        Optimizers.adafactor(1e-30, 1e-3, 1.0, HF_DECAY, null, 0, true, true, false, true);
    assertEquals(4L * (2 + 3), factored.transform().init(p).stateBytes());
    assertEquals(24L, r.stateFormula().evaluate(p));
  }

  /**
   * The paper's bias-corrected constant decay (§7.1): β̂2₁ = 0 (the first estimate is g² itself),
   * β̂2₂ = β2(1 − β2)/(1 − β2²) = β2/(1 + β2); and the increasing schedule 1 − t^−0.8 is 0 at
   * t = 1 and 1 − 2^−0.8 = 0.4256508 at t = 2.
   */
  @Test
  void secondMomentDecays() {
    SecondMomentDecay slow = SecondMomentDecay.biasCorrected(0.999);
    assertEquals(0.0, slow.at(1));
    assertEquals(0.999 / 1.999, slow.at(2), 1e-12); // 1 − β2² loses digits to cancellation
    assertEquals(0.0, HF_DECAY.at(1));
    assertEquals(0.4256508, HF_DECAY.at(2), 1e-7);
  }

  /**
   * With a constant gradient, the bias-corrected average of g² is g² at every step, so the
   * unfactored update of a vector stays α·sign(g): p = 1 − 3·0.01·1 after three steps (RMS(p)
   * stays above ε₂ and near 1; checked to 1e-4).
   */
  @Test
  void biasCorrectedDecayAveragesAConstantGradientToItself() {
    Recipe r = Optimizers.adafactor(1e-30, 1e-3, 1.0, SecondMomentDecay.biasCorrected(0.999),
        null, 0, false, true, false, true);
    ParamTree p = Trees.tensor(new int[] {2}, new float[] {1, 1});
    TransformState s = r.transform().init(p);
    for (int t = 1; t <= 3; t++) {
      Trees.step(r.transform(), s, p, Trees.tensor(new int[] {2}, new float[] {2, -2}),
          StepContext.of(t, 1.0, Double.NaN));
    }
    assertArrayEquals(new float[] {0.97f, 1.03f}, p.data(0), 1e-6f);
  }

  /** Same with clip_threshold 0.5: U is divided by RMS(U)/0.5 = 1.9595918. */
  @Test
  void transformersUpdateClipping() {
    Recipe r = Optimizers.adafactor(1e-30, 1e-3, 0.5, HF_DECAY, null, 0, true, true, false, true);
    float[] w = firstStep(r, new int[] {2, 2}, new float[] {1, 1, 1, 1}, new float[] {1, 2, 3, 4},
        1.0);
    float k = 0.01f / 1.9595918f;
    assertArrayEquals(new float[] {1 - k * 0.7745967f, 1 - k * 1.0954451f, 1 - k * 1.0392305f,
        1 - k * 0.9797959f}, w, 1e-6f);
  }

  /**
   * Vector, scale_parameter on, first moment β1 = 0.5, weight decay 0.1, p = (2, 2), g = (3, −3):
   * V = g² → U = sign(g); RMS(p) = 2 → α = 0.02; M = 0.5·0.02·U = ±0.01;
   * p₁ = 2 − M − 0.1·0.02·2 = (1.986, 2.006).
   */
  @Test
  void transformersVectorWithMomentumAndDecay() {
    Recipe r = Optimizers.adafactor(1e-30, 1e-3, 1.0, HF_DECAY, 0.5, 0.1, true, true, false, true);
    float[] p = firstStep(r, new int[] {2}, new float[] {2, 2}, new float[] {3, -3}, 1.0);
    assertArrayEquals(new float[] {1.986f, 2.006f}, p, 1e-6f);
  }

  /**
   * torch.optim.Adafactor documentation algorithm, lr γ = 0.01, λ = 0.1, θ = (1, 1), G = (1, 1):
   * 1 − β̂2₁ = 1 so V̂ = G² = 1, U = 1, RMS(U) = 1 ≤ d; ρ₁ = min(0.01, 1) = 0.01;
   * α = max(1e-3, 1)·0.01; θ₁ = 1 − 0.01·0.1·1 − 0.01 = 0.989.
   */
  @Test
  void torchVectorStepWithDecay() {
    Recipe r = Optimizers.adafactorTorch(-0.8, null, 1e-3, 1.0, 0.1);
    float[] p = firstStep(r, new int[] {2}, new float[] {1, 1}, new float[] {1, 1}, 0.01);
    assertArrayEquals(new float[] {0.989f, 0.989f}, p, 1e-7f);
  }

  /** torch's factored V̂ = R·C / max(mean(R), ε₁) is the paper's: same U as above at t = 1. */
  @Test
  void torchFactoredFirstStep() {
    Recipe r = Optimizers.adafactorTorch(-0.8, null, 1e-3, 1.0, 0);
    float[] w = firstStep(r, new int[] {2, 2}, new float[] {1, 1, 1, 1}, new float[] {1, 2, 3, 4},
        0.01);
    assertArrayEquals(new float[] {1 - 0.007745967f, 1 - 0.010954451f, 1 - 0.010392305f,
        1 - 0.009797959f}, w, 1e-6f);
  }
}
