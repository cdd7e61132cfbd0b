package org.optbench.optim.linalg;

import java.util.Arrays;
import java.util.Comparator;
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
    double[][] rows = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        rows[i][j] = 0.5 * ((double) a[i * n + j] + a[j * n + i]);
      }
    }
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(rows, false));
    double[] values = eigen.getRealEigenvalues();
    RealMatrix v = eigen.getV();
    Integer[] order = new Integer[n];
    for (int j = 0; j < n; j++) {
      order[j] = j;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer j) -> values[j]).reversed());
    double[] sorted = new double[n];
    double[] vectors = new double[n * n];
    for (int c = 0; c < n; c++) {
      int j = order[c];
      sorted[c] = values[j];
      for (int i = 0; i < n; i++) {
        vectors[i * n + c] = v.getEntry(i, j);
      }
    }
    return new SymmetricEigen(sorted, vectors);
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
    SymmetricEigen e = of(a, n);
    double[] scale = new double[n];
    for (int j = 0; j < n; j++) {
      double shifted = e.values[j] + eps;
      scale[j] = Math.pow(shifted > 0 ? shifted : eps, -1.0 / p);
    }
    double[] v = e.vectors;
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
