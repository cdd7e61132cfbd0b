package org.optbench.optim.linalg;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * SOAP's eigenbasis of one preconditioner S (Vyas et al. 2024, Algorithm 3; the reference's
 * {@code get_orthogonal_matrix} and {@code get_orthogonal_matrix_QR}), in float64, stored as
 * float32 row-major n × n with column j the j-th basis vector.
 */
public final class Eigenbasis {

  private Eigenbasis() {}

  /** The first basis: the eigenvectors of S, largest eigenvalue first, into {@code q}. */
  public static void initial(float[] s, int n, float[] q) {
    DoubleProducts.round(SymmetricEigen.of(s, n).vectors(), q);
  }

  /**
   * One refresh: the columns of Q are ordered by their estimated eigenvalues qⱼᵀSqⱼ, largest
   * first (a stable sort), and Q becomes the Q factor of the QR decomposition of S·Q, one step of
   * power iteration. Returns the order, {@code order[j]} the old column now at j, by which SOAP
   * permutes its second moment along this dimension.
   */
  public static int[] refresh(float[] s, float[] q, int n) {
    double[] sq = new double[n * n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        double sab = s[a * n + b];
        for (int j = 0; j < n; j++) {
          sq[a * n + j] += sab * q[b * n + j];
        }
      }
    }
    double[] estimates = new double[n];
    for (int a = 0; a < n; a++) {
      for (int j = 0; j < n; j++) {
        estimates[j] += q[a * n + j] * sq[a * n + j];
      }
    }
    Integer[] boxed = new Integer[n];
    for (int j = 0; j < n; j++) {
      boxed[j] = j;
    }
    Arrays.sort(boxed, Comparator.comparingDouble((Integer j) -> estimates[j]).reversed());
    int[] order = new int[n];
    double[][] power = new double[n][n];
    for (int c = 0; c < n; c++) {
      order[c] = boxed[c];
      for (int a = 0; a < n; a++) {
        power[a][c] = sq[a * n + order[c]];
      }
    }
    RealMatrix qr = new QRDecomposition(new Array2DRowRealMatrix(power, false)).getQ();
    for (int a = 0; a < n; a++) {
      for (int c = 0; c < n; c++) {
        q[a * n + c] = (float) qr.getEntry(a, c);
      }
    }
    return order;
  }

  /**
   * Permutes the rows ({@code alongRows}) or columns of the row-major rows × cols {@code x} in
   * place: new index j takes old index {@code order[j]}.
   */
  public static void permute(float[] x, int rows, int cols, int[] order, boolean alongRows) {
    float[] old = x.clone();
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < cols; k++) {
        x[i * cols + k] = alongRows ? old[order[i] * cols + k] : old[i * cols + order[k]];
      }
    }
  }
}
