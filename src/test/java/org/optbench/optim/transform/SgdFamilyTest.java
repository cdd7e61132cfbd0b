package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.Trees;
import org.optbench.optim.alias.Optimizers;
import org.optbench.optim.alias.Recipe;

/** Hand-computed steps of torch.optim.SGD, Adagrad and RMSprop (formulas from their docs). */
class SgdFamilyTest {

  private static float[] run(Recipe r, float p0, float[] grads, double lr) {
    ParamTree p = Trees.vector(p0);
    TransformState s = r.transform().init(p);
    float[] trajectory = new float[grads.length];
    for (int t = 0; t < grads.length; t++) {
      Trees.step(r.transform(), s, p, Trees.vector(grads[t]), StepContext.of(t + 1, lr, Double.NaN));
      trajectory[t] = p.data(0)[0];
    }
    return trajectory;
  }

  @Test
  void sgdMomentumStartsFromTheFirstGradient() {
    // torch.optim.SGD: b₁ = g = 1, b₂ = 0.9·1 + 1 = 1.9; steps −0.1 and −0.19.
    float[] x = run(Optimizers.sgd(0.9, 0, false, 0), 0f, new float[] {1, 1}, 0.1);
    assertEquals(-0.1f, x[0], 1e-7f);
    assertEquals(-0.29f, x[1], 1e-6f);
  }

  @Test
  void sgdDampeningAndNesterov() {
    // dampening 0.5: b₂ = 0.9·1 + 0.5·1 = 1.4 → x₂ = −0.1 − 0.14.
    assertEquals(-0.24f, run(Optimizers.sgd(0.9, 0.5, false, 0), 0f, new float[] {1, 1}, 0.1)[1],
        1e-6f);
    // Nesterov: u = g + μ·b; step 1: 1 + 0.9·1 = 1.9; step 2: 1 + 0.9·1.9 = 2.71.
    float[] x = run(Optimizers.sgd(0.9, 0, true, 0), 0f, new float[] {1, 1}, 0.1);
    assertEquals(-0.19f, x[0], 1e-6f);
    assertEquals(-0.19f - 0.271f, x[1], 1e-6f);
  }

  @Test
  void sgdWeightDecayIsAddedToTheGradient() {
    // g' = g + λp = 1 + 0.5·2 = 2 → 2 − 0.1·2 = 1.8.
    assertEquals(1.8f, run(Optimizers.sgd(0, 0, false, 0.5), 2f, new float[] {1}, 0.1)[0], 1e-6f);
  }

  @Test
  void adagradDividesByTheRootOfTheSumAndDecaysLr() {
    // s₁ = 4, u₁ = 2/(2 + 1e-10) = 1; s₂ = 8, u₂ = 2/√8 / (1 + 1·0.5) = 0.4714045.
    float[] x = run(Optimizers.adagrad(0.5, 1e-10, 0, 0), 0f, new float[] {2, 2}, 0.1);
    assertEquals(-0.1f, x[0], 1e-7f);
    assertEquals(-0.1f - 0.04714045f, x[1], 1e-6f);
    // initial_accumulator_value 5: s₁ = 9, u = 2/3.
    assertEquals(-0.0666667f, run(Optimizers.adagrad(0, 1e-10, 5, 0), 0f, new float[] {2}, 0.1)[0],
        1e-6f);
  }

  @Test
  void rmspropPlainCenteredAndMomentum() {
    // s = 0.01·1 = 0.01, √s = 0.1 → u = 1/(0.1 + 1e-8) ≈ 10.
    assertEquals(-1.0f, run(Optimizers.rmsprop(0.99, 1e-8, 0, false, 0), 0f, new float[] {1}, 0.1)[0],
        1e-5f);
    // centered: ḡ = 0.01, √(0.01 − 0.0001) = 0.0994987 → u = 10.050378.
    assertEquals(-1.0050378f,
        run(Optimizers.rmsprop(0.99, 1e-8, 0, true, 0), 0f, new float[] {1}, 0.1)[0], 1e-5f);
    // momentum 0.5: b₁ = 10, b₂ = 0.5·10 + 1/√0.0199 = 5 + 7.0888 → x₂ = −1 − 1.20888.
    float[] x = run(Optimizers.rmsprop(0.99, 1e-8, 0.5, false, 0), 0f, new float[] {1, 1}, 0.1);
    assertEquals(-2.20888f, x[1], 1e-4f);
  }
}
