package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.Trees;
import org.optbench.optim.alias.Optimizers;
import org.optbench.optim.alias.Recipe;

/** Hand-computed first steps of both Adafactor variants. */
class AdafactorTest {

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
    Recipe r = Optimizers.adafactor(1e-30, 1e-3, 1.0, -0.8, null, 0, true, true, false);
    float[] w = firstStep(r, new int[] {2, 2}, new float[] {1, 1, 1, 1}, new float[] {1, 2, 3, 4},
        1.0);
    assertArrayEquals(new float[] {1 - 0.007745967f, 1 - 0.010954451f, 1 - 0.010392305f,
        1 - 0.009797959f}, w, 1e-6f);
  }

  /** Same with clip_threshold 0.5: U is divided by RMS(U)/0.5 = 1.9595918. */
  @Test
  void transformersUpdateClipping() {
    Recipe r = Optimizers.adafactor(1e-30, 1e-3, 0.5, -0.8, null, 0, true, true, false);
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
    Recipe r = Optimizers.adafactor(1e-30, 1e-3, 1.0, -0.8, 0.5, 0.1, true, true, false);
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
