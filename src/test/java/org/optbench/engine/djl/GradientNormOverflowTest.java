package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The training loop's gradient norm overflows exactly where the float32 norm does, whether one
 * tensor's sum or only the total over tensors passes float32's limit of 3.4028235e38.
 */
class GradientNormOverflowTest {

  @Test
  void theTotalOverTensorsOverflowsLikeOneTensor() {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      // 3-4-5: √(9 + 16) = 5.
      assertEquals(5.0, GradientClipping.globalNorm(List.of(
          manager.create(new float[] {3f}), manager.create(new float[] {4f}))), 0);
      // Each tensor's Σg² = 2.25e38 fits float32; their total 4.5e38 does not.
      assertEquals(Double.POSITIVE_INFINITY, GradientClipping.globalNorm(List.of(
          manager.create(new float[] {1.5e19f}), manager.create(new float[] {1.5e19f}))));
      assertEquals(Double.POSITIVE_INFINITY, GradientClipping.globalNorm(List.of(
          manager.create(new float[] {1.5e19f, 1.5e19f}))));
    }
  }
}
