package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.optbench.optim.EvaluationPoint;
import org.optbench.optim.FusedStep;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.Trees;

/**
 * Hand-computed Schedule-Free steps on one scalar, from the three sequences of Defazio et al.
 * 2024, Algorithm 1 (not from the in-place form the code uses):
 *
 * <pre>
 *   zₜ₊₁ = zₜ − lrₜ·u     xₜ₊₁ = (1 − cₜ)·xₜ + cₜ·zₜ₊₁     yₜ₊₁ = (1 − β1)·zₜ₊₁ + β1·xₜ₊₁
 *   cₜ = wₜ/Σᵢ≤ₜwᵢ, wₜ = max(lr₁..lrₜ)^power;  x₁ = z₁ = y₁ = the initial parameter
 * </pre>
 *
 * u = g + λ·y for SGD, g/(√(v/(1 − β2ᵗ)) + ε) + λ·y for AdamW (optax's schedule_free_sgd and
 * schedule_free_adamw). The parameter is y; the evaluation point is x.
 */
class ScheduleFreeTest {

  /** A scalar's run: its y after each step, and x and the step sizes at the end. */
  private record Run(float[] y, float x, double[] stepSizes, TransformState state) {}

  private static Run run(GradientTransform transform, float y0, float[] grads, double[] lrs) {
    ParamTree p = Trees.vector(y0);
    TransformState s = transform.init(p);
    float[] ys = new float[grads.length];
    double[] sizes = new double[grads.length];
    for (int t = 0; t < grads.length; t++) {
      StepContext c = StepContext.of(t + 1, lrs[t], Double.NaN);
      ((FusedStep) transform).step(p, Trees.vector(grads[t]), s, c);
      ys[t] = p.data(0)[0];
      sizes[t] = c.stepSize();
    }
    ParamTree x = p.zerosLike();
    ((EvaluationPoint) transform).evaluationPoint(p, s, x);
    return new Run(ys, x.data(0)[0], sizes, s);
  }

  @Test
  void sgdAveragesTheZIteratesUniformlyUnderAConstantLr() {
    // lr 0.5, β1 0.5, power 2, y₁ = 1. Constant lr: every w = 0.25, so c₁ = 1, c₂ = 1/2.
    // Step 1, g = 2: z = 1 − 0.5·2 = 0; x = z = 0 (c₁ = 1); y = 0.5·0 + 0.5·0 = 0.
    // Step 2, g = −4: z = 0 + 0.5·4 = 2; x = ½·0 + ½·2 = 1; y = 0.5·2 + 0.5·1 = 1.5.
    Run r = run(ScheduleFreeSgdUpdate.scheduleFreeSgd(0.5, 0, 2), 1f, new float[] {2, -4},
        new double[] {0.5, 0.5});
    assertArrayEquals(new float[] {0f, 1.5f}, r.y(), 1e-7f);
    assertEquals(1f, r.x(), 1e-7f, "evaluation point x, not the parameter y");
    // Step size lr·(1 − β1·(1 − c)): 0.5·(1 − 0) = 0.5, then 0.5·(1 − 0.5·0.5) = 0.375.
    assertArrayEquals(new double[] {0.5, 0.375}, r.stepSizes(), 1e-7);
  }

  @Test
  void sgdWeightDecayIsTakenAtY() {
    // λ 0.5, lr 0.5, β1 0.5, y₁ = 2.
    // Step 1, g = 1: u = 1 + 0.5·2 = 2; z = 2 − 0.5·2 = 1 = x = y.
    // Step 2, g = 0: u = 0.5·y = 0.5; z = 1 − 0.25 = 0.75; x = ½·1 + ½·0.75 = 0.875;
    // y = 0.5·0.75 + 0.5·0.875 = 0.8125.
    Run r = run(ScheduleFreeSgdUpdate.scheduleFreeSgd(0.5, 0.5, 2), 2f, new float[] {1, 0},
        new double[] {0.5, 0.5});
    assertArrayEquals(new float[] {1f, 0.8125f}, r.y(), 1e-7f);
    assertEquals(0.875f, r.x(), 1e-7f);
  }

  @Test
  void aWarmUpWeighsItsEarlyIteratesLessByThePowerOfTheLr() {
    // lr 0.25 then 0.5 (a two-step warm-up), β1 0.5, y₁ = 1.
    // Step 1, g = 2: z = 1 − 0.25·2 = 0.5 = x = y.
    // Step 2, g = −4: z = 0.5 + 0.5·4 = 2.5.
    // power 2: w = 0.0625, 0.25, c₂ = 0.25/0.3125 = 0.8: x = 0.2·0.5 + 0.8·2.5 = 2.1,
    //          y = 0.5·2.5 + 0.5·2.1 = 2.3.
    // power 1: w = 0.25, 0.5, c₂ = 2/3: x = 0.5/3 + 5/3 = 11/6, y = 1.25 + 11/12 = 13/6.
    // power 0: c₂ = 1/2: x = 1.5, y = 2.
    double[] lrs = {0.25, 0.5};
    float[] g = {2, -4};
    Run squared = run(ScheduleFreeSgdUpdate.scheduleFreeSgd(0.5, 0, 2), 1f, g, lrs);
    assertEquals(2.1f, squared.x(), 2e-7f);
    assertEquals(2.3f, squared.y()[1], 2e-7f);
    Run linear = run(ScheduleFreeSgdUpdate.scheduleFreeSgd(0.5, 0, 1), 1f, g, lrs);
    assertEquals(11f / 6, linear.x(), 2e-7f);
    assertEquals(13f / 6, linear.y()[1], 2e-7f);
    Run uniform = run(ScheduleFreeSgdUpdate.scheduleFreeSgd(0.5, 0, 0), 1f, g, lrs);
    assertEquals(1.5f, uniform.x(), 2e-7f);
    assertEquals(2f, uniform.y()[1], 2e-7f);
    // Step size at step 2 with c₂ = 0.8: 0.5·(1 − 0.5·0.2) = 0.45.
    assertEquals(0.45, squared.stepSizes()[1], 1e-7);
  }

  @Test
  void theWeightFollowsTheLargestLrSoFar() {
    // lr 0.5 then 0.25: max_lr stays 0.5, so w₁ = w₂ and c₂ = 1/2 (power 2).
    ScheduleFreeAverage average = new ScheduleFreeAverage(0.9, 2);
    assertEquals(1f, average.advance(0.5f));
    assertEquals(0.5f, average.advance(0.25f));
    // A third step at 1.0: w = 0.25, 0.25, 1, c₃ = 1/1.5 = 2/3.
    assertEquals(2f / 3, average.advance(1f), 1e-7f);
  }

  @Test
  void primalAveragingAtBetaOneEvaluatesAtTheParameters() {
    // β1 = 1: y = x. lr 0.5, y₁ = 1, g = 2 then −4: z = 0 = x = y; z = 2, x = ½·0 + ½·2 = 1 = y.
    Run r = run(ScheduleFreeSgdUpdate.scheduleFreeSgd(1, 0, 2), 1f, new float[] {2, -4},
        new double[] {0.5, 0.5});
    assertArrayEquals(new float[] {0f, 1f}, r.y(), 1e-7f);
    assertEquals(1f, r.x(), 1e-7f);
  }

  @Test
  void adamwNormalisesByTheBiasCorrectedSecondMoment() {
    // lr 0.1, β1 0.5, β2 0.5, ε 1e-8, y₁ = 1.
    // Step 1, g = 2: v = 0.5·4 = 2, v̂ = 2/(1 − 0.5) = 4, u = 2/(2 + 1e-8) = 1 − 5e-9;
    //   z = 1 − 0.1 = 0.9 = x = y.
    // Step 2, g = −1: v = 0.5·2 + 0.5·1 = 1.5, v̂ = 1.5/(1 − 0.25) = 2, u = −1/√2 = −0.70710678;
    //   z = 0.9 + 0.070710678 = 0.970710678; x = ½·0.9 + ½·0.970710678 = 0.935355339;
    //   y = 0.5·0.970710678 + 0.5·0.935355339 = 0.953033009.
    Run r = run(ScheduleFreeAdamWUpdate.scheduleFreeAdamW(0.5, 0.5, 1e-8, 0, 2), 1f,
        new float[] {2, -1}, new double[] {0.1, 0.1});
    assertArrayEquals(new float[] {0.9f, 0.953033009f}, r.y(), 2e-7f);
    assertEquals(0.935355339f, r.x(), 2e-7f);
    // State: z and v, 4 bytes each.
    assertEquals(8, r.state().stateBytes());
  }

  @Test
  void adamwWeightDecayIsAddedToTheNormalisedDirection() {
    // λ 0.5, as above: u = 1 + 0.5·y₁ = 1.5 at step 1, so z = 1 − 0.1·1.5 = 0.85 = y.
    Run r = run(ScheduleFreeAdamWUpdate.scheduleFreeAdamW(0.5, 0.5, 1e-8, 0.5, 2), 1f,
        new float[] {2}, new double[] {0.1});
    assertEquals(0.85f, r.y()[0], 2e-7f);
  }

  @Test
  void theUpdateFormWritesTheChangeOfY() {
    // update() leaves y alone and returns Δy: step 1 of the first test, from y = 1 to 0.
    GradientTransform sgd = ScheduleFreeSgdUpdate.scheduleFreeSgd(0.5, 0, 2);
    ParamTree p = Trees.vector(1f);
    TransformState s = sgd.init(p);
    ParamTree delta = sgd.update(Trees.vector(2f), s, p, StepContext.of(1, 0.5, Double.NaN));
    assertEquals(-1f, delta.data(0)[0]);
    assertEquals(1f, p.data(0)[0]);
    assertEquals(4, s.stateBytes(), "z alone");
  }
}
