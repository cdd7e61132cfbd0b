package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * A⁻¹ᐟᵖ of a symmetric positive definite float64 matrix on libtorch, by the coupled Newton
 * iteration (Guo &amp; Higham 2006, as Distributed Shampoo's {@code matrix_inverse_pth_root}):
 * DJL exposes matMul but no eigendecomposition for the PyTorch engine.
 *
 * <pre>
 *   z = (1 + p)/(2‖A‖_F);  M = z·A;  H = z^(1/p)·I
 *   repeat:  Mᵢ = (1 + 1/p)·I − M/p;  M ← Mᵢᵖ·M;  H ← H·Mᵢ   until max|M − I| ≤ 1e-12
 * </pre>
 *
 * M → I and H → A⁻¹ᐟᵖ; z puts every eigenvalue of z·A in (0, (1 + p)/2], where the scalar map
 * μ ↦ μ·((1 + 1/p) − μ/p)ᵖ rises monotonically to 1. A small eigenvalue grows by up to
 * (1 + 1/p)ᵖ (2.44 for p = 4) per iteration, so a condition number κ takes about
 * log(κ)/log(2.44) + 6 iterations (κ = 10¹² → ~37). The iteration stops at the tolerance, when
 * the error grows past 1.2× its last value (the float64 rounding floor), or after
 * {@link #MAX_ITERATIONS}; it has converged when the error is at most {@link #CONVERGED}. An
 * eigenvalue ≤ 0 never converges (float32 rounding of a rank-deficient statistic can put one
 * below −ε): the caller then falls back to the eigendecomposition. Measured against the float64
 * eigendecomposition in TorchMatrixRootTest (see there).
 */
final class TorchMatrixRoot {

  static final int MAX_ITERATIONS = 100;
  static final double TOLERANCE = 1e-12;
  static final double CONVERGED = 1e-10;

  private TorchMatrixRoot() {}

  /**
   * A⁻¹ᐟᵖ of the n × n float64 {@code a}, a new array in {@code a}'s manager, or null when the
   * iteration did not converge (A not positive definite in float64).
   */
  static NDArray inversePthRoot(NDArray a, int p) {
    int n = Math.toIntExact(a.getShape().get(0));
    NDArray identity = a.getManager().eye(n, n, 0, DataType.FLOAT64);
    double z = (1.0 + p) / (2.0 * normOf(a));
    NDArray m = a.mul(z);
    NDArray h = identity.mul(Math.pow(z, 1.0 / p));
    double error = maxDistance(m, identity);
    for (int i = 0; i < MAX_ITERATIONS && error > TOLERANCE; i++) {
      NDArray step = identity.mul(1.0 + 1.0 / p);
      try (NDArray scaled = m.div((double) p)) {
        step.subi(scaled);
      }
      NDArray nextM;
      try (NDArray power = power(step, p)) {
        nextM = power.matMul(m);
      }
      double nextError = maxDistance(nextM, identity);
      if (!(nextError <= 1.2 * error)) {
        step.close();
        nextM.close();
        break;
      }
      NDArray nextH = h.matMul(step);
      step.close();
      m.close();
      h.close();
      m = nextM;
      h = nextH;
      error = nextError;
    }
    m.close();
    identity.close();
    if (!(error <= CONVERGED)) {
      h.close();
      return null;
    }
    return h;
  }

  /** xᵖ for p = 2 or 4 (by squaring), or any p ≥ 1 by repeated products. */
  private static NDArray power(NDArray x, int p) {
    if (p == 4) {
      try (NDArray square = x.matMul(x)) {
        return square.matMul(square);
      }
    }
    NDArray out = x.matMul(x);
    for (int k = 2; k < p; k++) {
      NDArray next = out.matMul(x);
      out.close();
      out = next;
    }
    return out;
  }

  private static double normOf(NDArray a) {
    try (NDArray norm = a.norm()) {
      return norm.getDouble();
    }
  }

  private static double maxDistance(NDArray m, NDArray identity) {
    try (NDArray diff = m.sub(identity);
        NDArray abs = diff.abs();
        NDArray max = abs.max()) {
      return max.getDouble();
    }
  }
}
