package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.nio.FloatBuffer;

/**
 * Copies between Java float arrays and dense float32 CPU tensors through a view of the tensor's
 * own memory ({@code NDArray.toByteBuffer(true)}, which on DJL's PyTorch engine returns a direct
 * buffer over a contiguous tensor's storage). {@code toFloatArray()} and {@code set(float[])}
 * instead allocate a direct buffer of the tensor's size per call (zeroed, and freed only when the
 * garbage collector gets to it) plus, for reads, a new array: for the native engine, which moves
 * every gradient and parameter across at every step, that was fresh memory, and page faults, in
 * proportion to the model at each step.
 *
 * <p>Only for parameters and their gradients, which libtorch keeps contiguous: of a
 * non-contiguous tensor DJL returns a view of a contiguous copy, so a write would land in the
 * copy. {@link #checkWritable} proves a tensor is written through, once, before it is relied on.
 */
final class TensorMemory {

  private TensorMemory() {}

  /** Copies {@code tensor}'s values into {@code into}, which has exactly its size. */
  static void read(NDArray tensor, float[] into) {
    view(tensor, into.length).get(into, 0, into.length);
  }

  /** Copies {@code values}, which has exactly the tensor's size, into {@code tensor}. */
  static void write(float[] values, NDArray tensor) {
    FloatBuffer view = view(tensor, values.length);
    view.put(values, 0, values.length);
  }

  /**
   * Writes {@code values} through the view and reads them back by DJL's copying path.
   *
   * @throws IllegalStateException when the write did not reach the tensor
   */
  static void checkWritable(float[] values, NDArray tensor) {
    write(values, tensor);
    if (!java.util.Arrays.equals(tensor.toFloatArray(), values)) {
      throw new IllegalStateException("a write through the memory of the " + tensor.getShape()
          + " tensor did not reach it (not contiguous?)");
    }
  }

  private static FloatBuffer view(NDArray tensor, int size) {
    if (tensor.getDataType() != DataType.FLOAT32 || tensor.size() != size) {
      throw new IllegalArgumentException("expected a float32 tensor of " + size + " values, got "
          + tensor.getDataType() + " " + tensor.getShape());
    }
    FloatBuffer view = tensor.toByteBuffer(true).asFloatBuffer();
    if (!view.isDirect()) {
      throw new IllegalStateException("no direct view of a " + tensor.getShape() + " tensor");
    }
    return view;
  }
}
