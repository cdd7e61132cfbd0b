package org.optbench.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TreeMathTest {

  @Test
  void globalNormIsTheL2NormOfAllTensorsTogether() {
    // 3-4-5 triangle split over two tensors, then 12 more: √(9 + 16 + 144) = 13.
    ParamTree t = ParamTree.of(new Tensor("a", new int[] {2}, new float[] {3, 4}),
        new Tensor("b", new int[] {1}, new float[] {12}));
    assertEquals(13.0, TreeMath.globalNorm(t), 0);
  }

  @Test
  void firstNonFiniteElementIsNamed() {
    ParamTree g = ParamTree.of(new Tensor("a", new int[] {2}, new float[] {1, 2}),
        new Tensor("b", new int[] {3}, new float[] {0, Float.POSITIVE_INFINITY, Float.NaN}));
    var e = assertThrows(NonFiniteGradientException.class, () -> TreeMath.requireFinite(g, 7));
    assertEquals("b", e.tensor());
    assertEquals(1, e.index());
    assertEquals(7, e.step());
    assertEquals("non-finite gradient at step 7: b[1] = Infinity", e.getMessage());
  }

  @Test
  void finiteGradientsReturnTheirSumOfSquares() {
    assertEquals(25.0, TreeMath.requireFinite(Trees.vector(3, 4), 1), 0);
  }

  private static ParamTree random(int n, long seed) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return ParamTree.of(new Tensor("w", new int[] {n}, x));
  }

  /** Float blocks agree with the double sum to float rounding; 2500 = 2 blocks + a tail. */
  @Test
  void blockedSumMatchesTheDoubleSum() {
    for (int n : new int[] {7, 1024, 2500, 100_000}) {
      ParamTree g = random(n, n);
      double exact = TreeMath.sumOfSquares(g);
      assertEquals(exact, TreeMath.requireFinite(g, 1), 1e-6 * exact, "n = " + n);
    }
  }

  /** Every position counts: in a float block (lane 0 and 7), at a block edge and in the tail. */
  @Test
  void nonFiniteElementIsFoundAnywhere() {
    for (int at : new int[] {0, 7, 1023, 1024, 2047, 2048, 2499}) {
      for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
        ParamTree g = random(2500, 3);
        g.data(0)[at] = bad;
        var e = assertThrows(NonFiniteGradientException.class, () -> TreeMath.requireFinite(g, 2));
        assertEquals(at, e.index());
        assertEquals(bad, e.value());
      }
    }
  }

  /** 1e30² overflows float but not double: a finite gradient is not refused, its sum is right. */
  @Test
  void squaresBeyondFloatRangeAreSummedInDouble() {
    ParamTree g = random(2048, 4);
    g.data(0)[100] = 1e30f;
    assertEquals(1e60, TreeMath.requireFinite(g, 1), 1e60 * 1e-6);
  }

  /** (1e-25)² underflows to 0 in float; the tiny total is recomputed in double. */
  @Test
  void tinyGradientsKeepTheirNorm() {
    float[] x = new float[4096];
    java.util.Arrays.fill(x, 1e-25f);
    double expected = 4096 * (double) 1e-25f * 1e-25f;
    ParamTree g = ParamTree.of(new Tensor("w", new int[] {4096}, x));
    assertEquals(expected, TreeMath.requireFinite(g, 1), expected * 1e-12);
  }

  /** float32's largest value is 3.4028235e38: Σg² up to it keeps its norm, beyond it is +∞. */
  @Test
  void float32NormOverflowsBeyondFloatMax() {
    assertEquals(Math.sqrt(Float.MAX_VALUE), TreeMath.float32Norm(Float.MAX_VALUE), 0);
    assertEquals(1.8446743e19, TreeMath.float32Norm(Float.MAX_VALUE), 1e12);
    assertEquals(Double.POSITIVE_INFINITY,
        TreeMath.float32Norm(Math.nextUp((double) Float.MAX_VALUE)));
    assertEquals(Double.NaN, TreeMath.float32Norm(Double.NaN));
  }

  /**
   * torch's lerp kernel switches formulas at |weight| = 0.5 exactly, taking the end's there:
   * lerp(0.64042264, 104.900116, 0.5) = end − (end − start)·0.5 = 52.770267 in float32, where
   * start + 0.5·(end − start) rounds to 52.77027 (NumPy float32 arithmetic gives both).
   */
  @Test
  void lerpAtOneHalfTakesTheEndFormulaAsTorchDoes() {
    assertEquals(52.770267f, TreeMath.lerp(0.64042264f, 104.900116f, 0.5f));
    assertEquals(0.64042264f + 0.25f * (104.900116f - 0.64042264f),
        TreeMath.lerp(0.64042264f, 104.900116f, 0.25f));
    assertEquals(104.900116f, TreeMath.lerp(0.64042264f, 104.900116f, 1f));
  }
}
