package org.optbench.optim.linalg;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The eigendecomposition of a symmetric float32 matrix, computed in float64 (commons-math3's
 * Householder tridiagonalisation and implicit QL), eigenvalues in descending order, as SOAP's
 * reference orders them ({@code torch.linalg.eigh} flipped).
 *
 * @param values eigenvalues, largest first
 * @param vectors row-major n × n, column j the unit eigenvector of {@code values[j]}
 */
public record SymmetricEigen(double[] values, double[] vectors) {

  /**
   * Decomposes the n × n row-major {@code a}, first made exactly symmetric ((A + Aᵀ)/2): the
   * statistics are symmetric but for rounding, and commons-math3 takes a matrix that is not
   * exactly symmetric for a general one.
   */
  public static SymmetricEigen of(float[] a, int n) {
    EigenWorkspace w = new EigenWorkspace(n);
    decompose(a, w);
    return new SymmetricEigen(w.values, w.vectors);
  }

  /**
   * {@link #of} into the workspace: its {@link EigenWorkspace#values()} and {@link
   * EigenWorkspace#vectors()} hold the result, for the n × n {@code a} of the workspace's size.
   */
  public static void decompose(float[] a, EigenWorkspace w) {
    int n = w.n;
    double[][] rows = w.square;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        rows[i][j] = 0.5 * ((double) a[i * n + j] + a[j * n + i]);
      }
    }
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(rows, false));
    double[] values = eigen.getRealEigenvalues();
    RealMatrix v = eigen.getV();
    int[] order = w.order;
    EigenWorkspace.sortDescending(values, order, n);
    double[] sorted = w.values;
    double[] vectors = w.vectors;
    for (int c = 0; c < n; c++) {
      int j = order[c];
      sorted[c] = values[j];
      for (int i = 0; i < n; i++) {
        vectors[i * n + c] = v.getEntry(i, j);
      }
    }
  }

  /**
   * (A + εI)^(−1/p) = V·diag((λ + ε)^(−1/p))·Vᵀ of the symmetric n × n {@code a}, rounded to
   * float32 into {@code out}. Where λ + ε ≤ 0, which only the float32 rounding of a positive
   * semidefinite sum of outer products can cause (λ ≤ −ε), λ counts as 0. Rounding makes the
   * zero eigenvalues of a rank-deficient statistic ±ulp(‖A‖) either way, and they are kept
   * rather than floored at 0 so that the engine's Newton iteration, which sees the same matrix,
   * gives the same root.
   */
  public static void inverseRoot(float[] a, int n, double eps, int p, float[] out) {
    inverseRoot(a, eps, p, out, new EigenWorkspace(n));
  }

  /**
   * {@link #inverseRoot(float[], int, double, int, float[])} with the workspace's buffers, for
   * the n × n {@code a} of its size; only commons-math3's decomposition allocates.
   */
  public static void inverseRoot(float[] a, double eps, int p, float[] out, EigenWorkspace w) {
    decompose(a, w);
    int n = w.n;
    double[] values = w.values;
    double[] scale = w.scale;
    for (int j = 0; j < n; j++) {
      double shifted = values[j] + eps;
      scale[j] = Math.pow(shifted > 0 ? shifted : eps, -1.0 / p);
    }
    double[] v = w.vectors;
    for (int i = 0; i < n; i++) {
      for (int k = i; k < n; k++) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
          sum += v[i * n + j] * scale[j] * v[k * n + j];
        }
        out[i * n + k] = (float) sum;
        out[k * n + i] = (float) sum;
      }
    }
  }
}
