package org.optbench.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParamTreeTest {

  @Test
  void shapeAndValueCountMustAgree() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new Tensor("w", new int[] {4, 3}, new float[11]));
    assertEquals("tensor 'w': shape [4, 3] needs 12 values, got 11", e.getMessage());
  }

  @Test
  void gradientsOfAnotherShapeAreRefusedNamingTheTensor() {
    ParamTree params = Trees.wb(1);
    ParamTree grads = ParamTree.of(Tensor.zeros("w", 4, 3), Tensor.zeros("b", 4));
    var e = assertThrows(IllegalArgumentException.class,
        () -> params.requireSameStructure(grads, "gradients"));
    assertTrue(e.getMessage().contains("tensor 1 ('b') has shape [4]"), e.getMessage());
  }

  @Test
  void numelCountsEveryScalar() {
    assertEquals(15, Trees.wb(1).numel());
  }

  /** A zero dimension is an empty tensor (torch allows one); a negative one is refused. */
  @Test
  void zeroDimensionsAreEmptyTensors() {
    assertEquals(0, Tensor.zeros("e", 3, 0).size());
    assertThrows(IllegalArgumentException.class,
        () -> new Tensor("n", new int[] {-1}, new float[0]));
  }
}
