package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A constant for arithmetic that autograd records, as a 0-dim tensor in libtorch's own memory.
 *
 * <p>Why not {@code x.div(4f)}: the PyTorch engine turns the number into a tensor over a Java
 * direct buffer (from_blob, so libtorch does not own the bytes) and closes that tensor as soon as
 * the operation returns. When {@code x} requires a gradient, the backward node keeps the scalar
 * (div and mul save their other operand) and reads it during {@code backward}. By then the
 * garbage collector may have freed the buffer and malloc may have reused the bytes, so the
 * backward pass multiplied by an arbitrary number: a gradient norm of 1.5e19 at one step of a
 * tiny GPT, and results that depended on when the JVM happened to collect, that is, on which
 * runs it had trained before. A tensor made by {@code full} is freed by libtorch when its last
 * user, the backward node included, lets go. Same value, same kernel: results are unchanged
 * whenever the old form happened to read intact memory.
 */
final class GraphScalar {

  private GraphScalar() {}

  /** {@code value} as a float32 scalar tensor owned by {@code manager} and by libtorch. */
  static NDArray of(NDManager manager, float value) {
    return manager.full(new Shape(), value);
  }
}
