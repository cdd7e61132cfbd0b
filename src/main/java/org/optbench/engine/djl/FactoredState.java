package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Adafactor's state layout on the engine, the same as the native {@code FactoredMoments}: a
 * tensor of rank ≥ 2 is B matrices n × m (its last two dimensions) with a row factor (B, n) and a
 * column factor (B, m); vectors and scalars keep a full second moment; optionally a full first
 * moment last.
 */
final class FactoredState {

  private FactoredState() {}

  static boolean factored(NDArray weight) {
    return weight.getShape().dimension() >= 2;
  }

  /** (B, n, m) for a factored tensor. */
  static Shape matrices(NDArray weight) {
    Shape shape = weight.getShape();
    long n = shape.get(shape.dimension() - 2);
    long m = shape.get(shape.dimension() - 1);
    long batches = n == 0 || m == 0 ? 0 : shape.size() / (n * m);
    return new Shape(batches, n, m);
  }

  /**
   * @param factor false keeps a full second moment for every tensor (Shazeer &amp; Stern 2018,
   *     Table 2's unfactored rows)
   */
  static NDArray[] create(NDManager manager, NDArray weight, boolean firstMoment, boolean factor) {
    boolean factored = factor && factored(weight);
    NDArray[] state = new NDArray[(factored ? 2 : 1) + (firstMoment ? 1 : 0)];
    int k = 0;
    if (factored) {
      Shape bnm = matrices(weight);
      state[k++] = manager.zeros(new Shape(bnm.get(0), bnm.get(1)), weight.getDataType());
      state[k++] = manager.zeros(new Shape(bnm.get(0), bnm.get(2)), weight.getDataType());
    } else {
      state[k++] = manager.zeros(weight.getShape(), weight.getDataType());
    }
    if (firstMoment) {
      state[k] = manager.zeros(weight.getShape(), weight.getDataType());
    }
    return state;
  }

  /**
   * √(mean(x²)), read back to Java (Adafactor's step size depends on it). Accumulated in float64
   * like the native library's: a float32 mean moves the whole update by up to ~2e-6 relative.
   * {@code wide}, a float64 array of x's shape, receives x² in place: the copy widens x exactly
   * and the square of a float32 value is exact in float64, so the mean is the one
   * {@code x.toType(FLOAT64).square().mean()} computes, without its two float64 temporaries.
   */
  static double rms(NDArray x, NDArray wide) {
    if (x.getShape().size() == 0) {
      return 0;
    }
    InPlaceCopy.into(wide, x);
    wide.muli(wide);
    try (NDArray mean = wide.mean()) {
      return Math.sqrt(mean.getDouble());
    }
  }
}
