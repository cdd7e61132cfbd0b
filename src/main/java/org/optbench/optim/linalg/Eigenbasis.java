package org.optbench.optim.linalg;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * SOAP's eigenbasis of one preconditioner S (Vyas et al. 2024, Algorithm 3; the reference's
 * {@code get_orthogonal_matrix} and {@code get_orthogonal_matrix_QR}), in float64, stored as
 * float32 row-major n × n with column j the j-th basis vector. The methods taking an {@link
 * EigenWorkspace} allocate nothing of their own (commons-math3's decompositions still do).
 */
public final class Eigenbasis {

  private Eigenbasis() {}

  /** The first basis: the eigenvectors of S, largest eigenvalue first, into {@code q}. */
  public static void initial(float[] s, int n, float[] q) {
    initial(s, q, new EigenWorkspace(n));
  }

  /** {@link #initial(float[], int, float[])} with the workspace's buffers (n its size). */
  public static void initial(float[] s, float[] q, EigenWorkspace w) {
    SymmetricEigen.decompose(s, w);
    DoubleProducts.round(w.vectors, q);
  }

  /**
   * One refresh: the columns of Q are ordered by their estimated eigenvalues qⱼᵀSqⱼ, largest
   * first (a stable sort), and Q becomes the Q factor of the QR decomposition of S·Q, one step of
   * power iteration. Returns the order, {@code order[j]} the old column now at j, by which SOAP
   * permutes its second moment along this dimension.
   */
  public static int[] refresh(float[] s, float[] q, int n) {
    return refresh(s, q, new EigenWorkspace(n));
  }

  /**
   * {@link #refresh(float[], float[], int)} with the workspace's buffers (n its size); the order
   * returned is the workspace's, valid until its next use.
   */
  public static int[] refresh(float[] s, float[] q, EigenWorkspace w) {
    int n = w.n;
    double[] sq = w.vectors;
    Arrays.fill(sq, 0);
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        double sab = s[a * n + b];
        for (int j = 0; j < n; j++) {
          sq[a * n + j] += sab * q[b * n + j];
        }
      }
    }
    double[] estimates = w.values;
    Arrays.fill(estimates, 0);
    for (int a = 0; a < n; a++) {
      for (int j = 0; j < n; j++) {
        estimates[j] += q[a * n + j] * sq[a * n + j];
      }
    }
    int[] order = w.order;
    EigenWorkspace.sortDescending(estimates, order, n);
    double[][] power = w.square;
    for (int c = 0; c < n; c++) {
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
    permute(x, rows, cols, order, alongRows, new float[x.length]);
  }

  /**
   * {@link #permute(float[], int, int, int[], boolean)} through {@code scratch}, at least as long
   * as {@code x}, which receives a copy of the old {@code x}.
   */
  public static void permute(float[] x, int rows, int cols, int[] order, boolean alongRows,
      float[] scratch) {
    float[] old = scratch;
    System.arraycopy(x, 0, old, 0, rows * cols);
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < cols; k++) {
        x[i * cols + k] = alongRows ? old[order[i] * cols + k] : old[i * cols + order[k]];
      }
    }
  }
}
