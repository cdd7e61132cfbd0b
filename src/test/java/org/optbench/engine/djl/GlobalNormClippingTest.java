package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.optbench.testing.ManagerPerTest;

/**
 * Global-norm clipping on engine arrays, checked by hand against torch.nn.utils.clip_grad_norm_:
 * coefficient = max_norm / (total_norm + 1e-6), applied only when below 1.
 */
class GlobalNormClippingTest {

  private static final org.optbench.optim.StepContext CTX =
      org.optbench.optim.StepContext.of(1, 1e-3, Double.NaN);

  @RegisterExtension final ManagerPerTest nd = new ManagerPerTest();

  @Test
  void aLargeGradientIsScaledToMaxNormWithItsDirectionKept() {
    // Two tensors (3, 4) and (0, 0, 12): global norm √(9 + 16 + 144) = 13.
    NDArray a = nd.get().create(new float[] {3, 4});
    NDArray b = nd.get().create(new float[] {0, 0, 12});
    List<NDArray> grads = List.of(a, b);
    double before = GradientClipping.globalNorm(grads);
    assertEquals(13.0, before, 1e-6);

    double after = new GlobalNormClipping(1.0).apply(grads, grads, before, CTX);

    double coefficient = 1.0 / (13.0 + 1e-6);
    assertArrayEquals(
        new float[] {(float) (3 * coefficient), (float) (4 * coefficient)}, a.toFloatArray(), 1e-7f);
    assertArrayEquals(new float[] {0, 0, (float) (12 * coefficient)}, b.toFloatArray(), 1e-7f);
    double measured = GradientClipping.globalNorm(grads);
    assertTrue(measured <= 1.0, "post-clip norm " + measured);
    assertEquals(measured, after, 1e-6, "reported post-clip norm is the measured one");
    // Direction: each component keeps its ratio to the others (3 : 4 : 12).
    assertEquals(4.0 / 3.0, a.getFloat(1) / a.getFloat(0), 1e-6);
    assertEquals(12.0 / 3.0, b.getFloat(2) / a.getFloat(0), 1e-6);
  }

  @Test
  void aGradientWithinMaxNormIsLeftUntouched() {
    NDArray a = nd.get().create(new float[] {0.3f, -0.4f}); // norm 0.5
    double after = new GlobalNormClipping(1.0).apply(List.of(a), List.of(a), 0.5, CTX);
    assertEquals(0.5, after);
    assertArrayEquals(new float[] {0.3f, -0.4f}, a.toFloatArray());
  }

  @Test
  void negativeComponentsAreClippedToo() {
    // DJL's optClipGrad is a one-sided clamp_max on this engine; global-norm scaling is symmetric.
    NDArray a = nd.get().create(new float[] {-30, 40}); // norm 50
    new GlobalNormClipping(5.0).apply(List.of(a), List.of(a), 50.0, CTX);
    assertArrayEquals(new float[] {-3, 4}, a.toFloatArray(), 1e-5f);
  }
}
