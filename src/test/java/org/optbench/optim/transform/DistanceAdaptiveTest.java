package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.Trees;

/**
 * Hand-computed steps of D-Adaptation AdamW and Prodigy on one scalar from x₀ = 0 with g = 1 at
 * every step, lr 1, β1 0.9, β2 0.999, ε 1e-8, d₀ 1e-6, from the formulas of optax.contrib's
 * dadapt_adamw and prodigy (Defazio &amp; Mishchenko 2023; Mishchenko &amp; Defazio 2023).
 *
 * <p>Shared numbers: bcₜ = √(1 − β2ᵗ)/(1 − β1ᵗ): bc₁ = √0.001/0.1 = 0.316227766,
 * bc₂ = √0.001999/0.19 = 0.235316725; β = √β2 = 0.999499875, 1 − β = 5.00125e-4.
 */
class DistanceAdaptiveTest {

  private static final double D0 = 1e-6;

  /** The parameter after each step, and each step's reported step size in {@code sizes}. */
  private static float[] run(GradientTransform transform, int steps, double[] sizes) {
    ParamTree p = Trees.vector(0f);
    TransformState s = transform.init(p);
    float[] trajectory = new float[steps];
    for (int t = 0; t < steps; t++) {
      StepContext c = StepContext.of(t + 1, 1.0, Double.NaN);
      Trees.step(transform, s, p, Trees.vector(1f), c);
      trajectory[t] = p.data(0)[0];
      sizes[t] = c.stepSize();
    }
    return trajectory;
  }

  private static void assertRelative(double expected, double actual, double rtol, String what) {
    assertEquals(expected, actual, Math.abs(expected) * rtol, what);
  }

  @Test
  void dadaptAdamWTakesAdamsFirstStepsAtD0ThenGrowsD() {
    // Step 1: dlr₁ = d₀·bc₁ = 3.16227766e-7; the numerator's s is still 0, so d stays d₀.
    //   m = 0.1·dlr₁ = 3.16227766e-8, v = 0.001, √v = 0.0316227766:
    //   x₁ = −m/(√v + ε) = −3.16227766e-8/0.0316227866 = −9.99999684e-7 (Adam's first step, d₀·lr).
    //   s₁ = (1 − β)·dlr₁ = 1.58153431e-10.
    // Step 2: dlr₂ = d₀·bc₂ = 2.35316725e-7.
    //   ⟨g, s₁/(√v₁ + ε)⟩ = 1.58153431e-10/0.0316227866 = 5.00124904e-9;
    //   m = 0.9·3.16227766e-8 + 0.1·dlr₂ = 5.19921715e-8, v = 0.001999, √v = 0.0447101778:
    //   x₂ = x₁ − 5.19921715e-8/0.0447101878 = −9.99999684e-7 − 1.16287079e-6 = −2.16287047e-6.
    //   s₂ = β·s₁ + (1 − β)·dlr₂ = 1.58074335e-10 + 1.17687792e-10 = 2.75762127e-10.
    //   r₂ = (1 − β)·dlr₂·5.00124904e-9 = 5.88585957e-19;
    //   d̂ = r₂/((1 − β)·|s₂|) = 5.88585957e-19/1.37915551e-13 = 4.26772727e-6 > d₀: d = d̂.
    double[] sizes = new double[3];
    float[] x = run(DAdaptAdamWUpdate.dadaptAdamW(0.9, 0.999, 1e-8, D0, 0), 3, sizes);
    assertRelative(-9.99999684e-7, x[0], 1e-6, "x₁");
    assertRelative(-2.16287047e-6, x[1], 1e-6, "x₂");
    // The step size reported is d·lr: d₀ for the first two steps, d̂ for the third.
    assertRelative(1e-6, sizes[0], 1e-12, "step size 1");
    assertRelative(1e-6, sizes[1], 1e-12, "step size 2");
    assertRelative(4.26772727e-6, sizes[2], 1e-6, "step size 3");
  }

  @Test
  void dadaptAdamWDecaysTheWeightByLambdaTimesDlr() {
    // From x₀ = 2 with λ = 0.1 and d₀ = 0.01 (so that the decay shows at float32's spacing at 2,
    // 2.4e-7): dlr₁ = 0.01·bc₁ = 3.16227766e-3; Adam's move m/(√v + ε) = 3.16227766e-4/0.0316227866
    // = 9.99999684e-3, plus λ·dlr₁·x₀ = 0.1·3.16227766e-3·2 = 6.32455532e-4:
    // x₁ = 2 − 1.06324524e-2 = 1.98936755.
    ParamTree p = Trees.vector(2f);
    GradientTransform t = DAdaptAdamWUpdate.dadaptAdamW(0.9, 0.999, 1e-8, 0.01, 0.1);
    Trees.step(t, t.init(p), p, Trees.vector(1f), StepContext.of(1, 1.0, Double.NaN));
    assertEquals(1.98936755f, p.data(0)[0], 2.4e-7f);
  }

  @Test
  void prodigyEstimatesDFromTheDistanceTravelled() {
    // estim_lr_coef 10, β3 = √β2 = β.
    // Step 1: d = d₀; x = x₀, so ⟨g, x₀ − x⟩ = 0 and r₁ = 0: d stays d₀.
    //   d·g = 1e-6: m = 1e-7, v = 0.001·1e-12 = 1e-15, √v = 3.16227766e-8;
    //   x₁ = −dlr₁·m/(√v + d·ε) = −3.16227766e-7·1e-7/3.16227866e-8 = −9.99999684e-7.
    //   s₁ = (dlr₁/d₀)·d·g = 3.16227766e-7.
    // Step 2: dlr₂ = 2.35316725e-7, ⟨g, x₀ − x₁⟩ = 9.99999684e-7.
    //   r₂ = (d/d₀)·dlr₂·9.99999684e-7 = 2.35316651e-13.
    //   s₂ = β·s₁ + (dlr₂/d₀)·d·g = 3.16069613e-7 + 2.35316725e-7 = 5.51386338e-7.
    //   d̂ = 10·r₂/s₂ = 4.26772727e-6 > d₀: d' = d̂ (it enters this step's ε term only).
    //   m = 0.9e-7 + 1e-7 = 1.9e-7, v = 0.999e-15 + 1e-15 = 1.999e-15, √v = 4.47101778e-8:
    //   x₂ = x₁ − 2.35316725e-7·1.9e-7/(4.47101778e-8 + 4.27e-14) = −1.99999873e-6.
    ProdigyUpdate.Settings settings =
        new ProdigyUpdate.Settings(0.9, 0.999, Math.sqrt(0.999), 1e-8, D0, 10, 0, false);
    double[] sizes = new double[3];
    float[] x = run(ProdigyUpdate.prodigy(settings), 3, sizes);
    assertRelative(-9.99999684e-7, x[0], 1e-6, "x₁");
    assertRelative(-1.99999873e-6, x[1], 1e-6, "x₂");
    // Step 3 moves with d = 4.26772727e-6: dlr₃ = d·bc₃ = 4.26772727e-6·0.202010597
    // = 8.62126135e-7; d·g = 4.26772727e-6, m = 0.9·1.9e-7 + 0.1·4.26772727e-6 = 5.97772727e-7,
    // v = 0.999·1.999e-15 + 0.001·1.82134948e-11 = 2.0210497e-14, √v = 1.42163628e-7; step 3's
    // own estimate d' = 1.79504993e-5 (10·r₃/s₃, r₃ = 7.59383272e-12, s₃ = 4.23042979e-6) makes
    // ε·d' = 1.79504993e-13: x₃ = x₂ − 8.62126135e-7·5.97772727e-7/1.42163808e-7
    // = −1.99999873e-6 − 3.62508222e-6 = −5.62508095e-6.
    assertRelative(-5.62508095e-6, x[2], 1e-6, "x₃");
    assertRelative(1e-6, sizes[0], 1e-12, "step size 1");
    assertRelative(1e-6, sizes[1], 1e-12, "step size 2");
    assertRelative(4.26772727e-6, sizes[2], 1e-6, "step size 3");
  }

  @Test
  void prodigySafeguardLeavesLrOutOfS() {
    // safeguard_warmup: s₁ = (d/d₀)·d·g = 1e-6 instead of (dlr₁/d₀)·d·g = 3.16e-7, so step 2's
    // d̂ = 10·r₂/s₂ with s₂ = β·1e-6 + 1e-6 = 1.99949987e-6: 10·2.35316651e-13/1.99949987e-6
    // = 1.17687755e-6 (r₂ as without it, since x₁ is unchanged), the estimate for step 3.
    ProdigyUpdate.Settings settings =
        new ProdigyUpdate.Settings(0.9, 0.999, Math.sqrt(0.999), 1e-8, D0, 10, 0, true);
    double[] sizes = new double[3];
    run(ProdigyUpdate.prodigy(settings), 3, sizes);
    assertRelative(1.17687755e-6, sizes[2], 1e-6, "step size 3");
  }
}
