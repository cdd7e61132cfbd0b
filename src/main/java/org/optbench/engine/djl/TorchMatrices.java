package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The matrix products Shampoo and SOAP take on libtorch, in float64 as the native library's
 * {@code DoubleProducts} (float32 inputs widen exactly; the result is rounded once by the caller's
 * copy into float32 state). Every result is a new array in its operand's manager: the optimizers
 * using these collect temporaries.
 */
final class TorchMatrices {

  private TorchMatrices() {}

  static NDArray wide(NDArray x) {
    return x.toType(DataType.FLOAT64, true);
  }

  /** G·Gᵀ ({@code rowSide}) or Gᵀ·G of the float64 G. */
  static NDArray gram(NDArray g, boolean rowSide) {
    NDArray t = g.transpose();
    return rowSide ? g.matMul(t) : t.matMul(g);
  }

  /** diag(G·Gᵀ) ({@code rowSide}) or diag(Gᵀ·G) of the float64 G: Σ G² over the other axis. */
  static NDArray squares(NDArray g, boolean rowSide) {
    return g.square().sum(new int[] {rowSide ? 1 : 0});
  }

  /** op(A)·X, A a float32 matrix, or a vector scaling the rows; null is the identity. */
  static NDArray left(NDArray a, boolean transpose, NDArray x) {
    if (a == null) {
      return x;
    }
    NDArray wideA = wide(a);
    if (wideA.getShape().dimension() == 1) {
      return wideA.reshape(-1, 1).mul(x);
    }
    return (transpose ? wideA.transpose() : wideA).matMul(x);
  }

  /** X·op(B), B a float32 matrix, or a vector scaling the columns; null is the identity. */
  static NDArray right(NDArray x, NDArray b, boolean transpose) {
    if (b == null) {
      return x;
    }
    NDArray wideB = wide(b);
    if (wideB.getShape().dimension() == 1) {
      return x.mul(wideB.reshape(1, -1));
    }
    return x.matMul(transpose ? wideB.transpose() : wideB);
  }
}
