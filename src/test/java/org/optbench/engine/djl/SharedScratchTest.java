package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.optbench.testing.ManagerPerTest;

/** The scratch views of different parameters share one buffer pair, shaped per parameter. */
class SharedScratchTest {

  @RegisterExtension final ManagerPerTest nd = new ManagerPerTest();

  @Test
  void viewsHaveTheWeightsShapesAndShareStorage() {
    SharedScratch scratch = new SharedScratch(nd.get());
    NDArray matrix = nd.get().zeros(new Shape(2, 3));
    NDArray vector = nd.get().zeros(new Shape(4));
    NDArray[] a = scratch.of("w", matrix);
    assertEquals(new Shape(2, 3), a[0].getShape());
    assertEquals(DataType.FLOAT32, a[0].getDataType());
    assertEquals(new Shape(2, 3), a[1].getShape());
    assertEquals(DataType.FLOAT64, a[1].getDataType());
    a[0].muli(0).addi(7f);
    NDArray[] b = scratch.of("b", vector);
    // The vector's view is the first four elements of the matrix's: one buffer, not two.
    assertArrayEquals(new float[] {7f, 7f, 7f, 7f}, b[0].toFloatArray());
    assertSame(b, scratch.of("b", vector), "views are made once per parameter");
  }

  @Test
  void aLargerParameterRemakesTheViewsOverLargerBuffers() {
    SharedScratch scratch = new SharedScratch(nd.get());
    NDArray small = nd.get().zeros(new Shape(3));
    NDArray large = nd.get().zeros(new Shape(5, 2));
    NDArray[] first = scratch.of("s", small);
    NDArray[] big = scratch.of("l", large);
    assertEquals(new Shape(5, 2), big[0].getShape());
    NDArray[] again = scratch.of("s", small);
    assertEquals(new Shape(3), again[0].getShape());
    big[0].muli(0).addi(2f);
    assertArrayEquals(new float[] {2f, 2f, 2f}, again[0].toFloatArray());
    assertEquals(false, first == again, "the small parameter's views were remade");
  }
}
