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

class YogiLionTest {

  /**
   * Zaheer et al. 2018 / d2l §12.10.3, β = (0.9, 0.999), ε = 1e-3. Step 1, g = 2: v = 0.004,
   * u = 2/(2 + 0.001) = 0.9995002. Step 2, g = 0.01: g² = 1e-4 < v so v = 0.004 − 0.001·1e-4 =
   * 0.0039999 (Adam would give 0.0039961); m = 0.181; u = (0.181/0.19)/(√(0.0039999/0.001999)
   * + 0.001) = 0.6729765.
   */
  @Test
  void yogiMovesVByASignedStep() {
    Recipe yogi = Optimizers.yogi(0.9, 0.999, 1e-3);
    ParamTree p = Trees.vector(0f);
    TransformState s = yogi.transform().init(p);
    Trees.step(yogi.transform(), s, p, Trees.vector(2f), StepContext.of(1, 1, Double.NaN));
    assertEquals(-0.9995002f, p.data(0)[0], 1e-6f);
    Trees.step(yogi.transform(), s, p, Trees.vector(0.01f), StepContext.of(2, 1, Double.NaN));
    assertEquals(-0.9995002f - 0.6729765f, p.data(0)[0], 1e-5f);
  }

  /**
   * Chen et al. 2023, Algorithm 2: u = sign(β1·m + (1 − β1)·g), then m ← β2·m + (1 − β2)·g.
   * Step 1 from m = 0: u = sign(g); m = 0.01·g. Step 2 with g = (−1, 1, 0): the interpolation is
   * 0.9·0.01·(2, −3, 0) + 0.1·(−1, 1, 0) = (−0.082, 0.073, 0) → u = (−1, 1, 0).
   */
  @Test
  void lionStepsAreSigns() {
    Recipe lion = Optimizers.lion(0.9, 0.99, 0);
    ParamTree p = Trees.vector(0, 0, 0);
    TransformState s = lion.transform().init(p);
    Trees.step(lion.transform(), s, p, Trees.vector(2, -3, 0), StepContext.of(1, 0.1, Double.NaN));
    assertArrayEquals(new float[] {-0.1f, 0.1f, 0}, p.data(0), 1e-7f);
    Trees.step(lion.transform(), s, p, Trees.vector(-1, 1, 0), StepContext.of(2, 0.1, Double.NaN));
    assertArrayEquals(new float[] {0f, 0f, 0}, p.data(0), 1e-7f);
  }

  @Test
  void lionWeightDecayIsDecoupled() {
    // p = 2, g = 1: p ← 2·(1 − 0.1·0.5) − 0.1·1 = 1.8.
    Recipe lion = Optimizers.lion(0.9, 0.99, 0.5);
    ParamTree p = Trees.vector(2f);
    Trees.step(lion.transform(), lion.transform().init(p), p, Trees.vector(1f),
        StepContext.of(1, 0.1, Double.NaN));
    assertEquals(1.8f, p.data(0)[0], 1e-6f);
  }
}
