package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A float32 0-dim tensor whose value changes from step to step (a bias correction, the
 * learning rate), refilled in place: {@code muli(Number)} would make and free a tensor over a
 * fresh direct buffer for every call. The tensor's memory belongs to libtorch ({@code full});
 * the refill copies from one direct buffer kept for the purpose, which DJL's {@code set} hands to
 * libtorch as it is.
 */
final class StepScalar {

  private final NDArray tensor;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(Float.BYTES).order(ByteOrder.nativeOrder());
  private float value;

  StepScalar(NDManager manager) {
    tensor = manager.full(new Shape(), 0f, DataType.FLOAT32);
  }

  /** The tensor, holding {@code newValue}. */
  NDArray holding(float newValue) {
    if (Float.floatToRawIntBits(newValue) != Float.floatToRawIntBits(value)) {
      buffer.putFloat(0, newValue);
      tensor.set(buffer.rewind());
      value = newValue;
    }
    return tensor;
  }
}
