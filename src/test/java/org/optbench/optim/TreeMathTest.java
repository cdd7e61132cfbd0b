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
}
