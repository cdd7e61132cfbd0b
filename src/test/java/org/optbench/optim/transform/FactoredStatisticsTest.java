package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;
import org.optbench.optim.alias.Optimizers;

/**
 * The factored second moment itself (the state, which the update sees only through R/mean(R) and
 * C, so that a uniform error in R cancels there): after two steps on a 3 × 4 matrix with a zero
 * row and a zero column, R and C as Shazeer &amp; Stern 2018, Algorithm 4 (transformers adds ε₁
 * to G²) and torch.optim.Adafactor (a lerp, no ε₁) define them, computed here in double.
 */
class FactoredStatisticsTest {

  private static final double EPS1 = 1e-30;
  /** G at steps 1 and 2; row 1 and column 2 are zero at both. */
  private static final float[][] GRADS = {
      {0.5f, -1.0f, 0f, 2.0f, 0f, 0f, 0f, 0f, -0.25f, 0.75f, 0f, 1.5f},
      {1.0f, 0.5f, 0f, -0.5f, 0f, 0f, 0f, 0f, 2.0f, -1.0f, 0f, 0.25f}};

  private static List<float[]> stateAfterTwoSteps(GradientTransform t, double lr) {
    ParamTree params = ParamTree.of(new Tensor("w", new int[] {3, 4}, new float[12]));
    java.util.Arrays.fill(params.data(0), 1f);
    TransformState state = t.init(params);
    for (int step = 1; step <= 2; step++) {
      ParamTree g = ParamTree.of(new Tensor("w", new int[] {3, 4}, GRADS[step - 1].clone()));
      ParamTree out = t.update(g, state, params, StepContext.of(step, lr, Double.NaN));
      for (float u : out.data(0)) {
        assertTrue(Float.isFinite(u), "finite update at step " + step);
      }
    }
    List<float[]> arrays = new ArrayList<>();
    state.tensorArrays(0, arrays);
    return arrays;
  }

  /** β̂2ₜ = 1 − t^−0.8: 0 at t = 1 (the first statistic is the mean itself), 0.4257 at t = 2. */
  private static double beta(int t) {
    return 1 - Math.pow(t, -0.8);
  }

  private static double rowMean(float[] g, int r, double add) {
    double s = 0;
    for (int c = 0; c < 4; c++) {
      s += (double) g[r * 4 + c] * g[r * 4 + c] + add;
    }
    return s / 4;
  }

  private static double colMean(float[] g, int c, double add) {
    double s = 0;
    for (int r = 0; r < 3; r++) {
      s += (double) g[r * 4 + c] * g[r * 4 + c] + add;
    }
    return s / 3;
  }

  private static void assertClose(double expected, float actual, String what) {
    assertEquals(expected, actual, Math.abs(expected) * 1e-6, what);
  }

  @Test
  void transformersStatisticsAddEps1ToTheSquares() {
    GradientTransform t = Optimizers.adafactor(EPS1, 1e-3, 1.0, SecondMomentDecay.increasing(-0.8),
        null, 0, true, true, false, true).transform();
    List<float[]> state = stateAfterTwoSteps(t, 1.0);
    float[] rows = state.get(0);
    float[] cols = state.get(1);
    double b = beta(2);
    for (int r = 0; r < 3; r++) {
      double r1 = rowMean(GRADS[0], r, EPS1);
      assertClose(b * r1 + (1 - b) * rowMean(GRADS[1], r, EPS1), rows[r], "R[" + r + "]");
    }
    for (int c = 0; c < 4; c++) {
      double c1 = colMean(GRADS[0], c, EPS1);
      assertClose(b * c1 + (1 - b) * colMean(GRADS[1], c, EPS1), cols[c], "C[" + c + "]");
    }
    // The zero row and column hold ε₁ alone: what keeps their update 0 rather than 0/0.
    assertClose(EPS1, rows[1], "zero row");
    assertClose(EPS1, cols[2], "zero column");
  }

  @Test
  void torchStatisticsAreALerpWithoutEps1() {
    GradientTransform t = ScaleByAdafactorTorch.scaleByAdafactorTorch(-0.8, null, 1e-3, 1.0, 0);
    List<float[]> state = stateAfterTwoSteps(t, 0.01);
    float[] rows = state.get(0);
    float[] cols = state.get(1);
    double w = 1 - beta(2);
    for (int r = 0; r < 3; r++) {
      double r1 = rowMean(GRADS[0], r, 0);
      assertClose(r1 + w * (rowMean(GRADS[1], r, 0) - r1), rows[r], "R[" + r + "]");
    }
    for (int c = 0; c < 4; c++) {
      double c1 = colMean(GRADS[0], c, 0);
      assertClose(c1 + w * (colMean(GRADS[1], c, 0) - c1), cols[c], "C[" + c + "]");
    }
    assertEquals(0f, rows[1], "zero row: torch floors √v̂ at ε₁ in the update instead");
    assertEquals(0f, cols[2]);
  }
}
