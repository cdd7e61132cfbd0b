package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.optbench.testing.ManagerPerTest;

/**
 * The scratch copy of the in-place optimizers and clipping methods: exact whatever the target
 * held (where 0·target + source would give NaN over a NaN or infinity), signed zeros kept, a
 * float32 source widened to float64 exactly, a column broadcast over a matrix.
 */
class InPlaceCopyTest {

  @RegisterExtension final ManagerPerTest nd = new ManagerPerTest();

  @Test
  void overwritesNonFiniteContentsAndKeepsTheSignOfZero() {
    NDArray target = nd.get().create(new float[] {Float.NaN, Float.POSITIVE_INFINITY, 1f, 2f});
    NDArray source = nd.get().create(new float[] {1.5f, -0f, -2.25f, 3e-45f});
    InPlaceCopy.into(target, source);
    float[] copied = target.toFloatArray();
    assertArrayEquals(new float[] {1.5f, -0f, -2.25f, 3e-45f}, copied);
    assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(copied[1]));
  }

  @Test
  void widensFloat32IntoFloat64Exactly() {
    NDArray target = nd.get().zeros(new Shape(2), DataType.FLOAT64);
    InPlaceCopy.into(target, nd.get().create(new float[] {0.1f, 16777217f}));
    // 0.1f is 0.100000001490116119384765625; 16777217 rounds to 16777216 in float32.
    assertArrayEquals(new double[] {0.100000001490116119384765625, 16777216.0},
        target.toDoubleArray());
  }

  @Test
  void broadcastsAColumnOverAMatrix() {
    NDArray target = nd.get().zeros(new Shape(2, 3));
    InPlaceCopy.into(target, nd.get().create(new float[] {7f, -1f}, new Shape(2, 1)));
    assertArrayEquals(new float[] {7f, 7f, 7f, -1f, -1f, -1f}, target.toFloatArray());
  }
}
