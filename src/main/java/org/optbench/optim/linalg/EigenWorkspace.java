package org.optbench.optim.linalg;

/**
 * The float64 buffers of one n × n symmetric matrix's eigendecomposition ({@link SymmetricEigen})
 * or basis refresh ({@link Eigenbasis}), made once per preconditioned dimension so that these
 * allocate nothing of their own. commons-math3's {@code EigenDecomposition} and
 * {@code QRDecomposition}, which they call, still allocate inside.
 *
 * <p>The results ({@link #values()}, {@link #vectors()}, the order {@link Eigenbasis#refresh}
 * returns) live here until the next call with the same workspace.
 */
public final class EigenWorkspace {

  final int n;
  /** The n × n matrix handed to commons-math3, which copies it. */
  final double[][] square;
  /** Eigenvalues (largest first) or a refresh's estimated eigenvalues. */
  final double[] values;
  /** Row-major n × n: eigenvectors in columns, or a refresh's S·Q. */
  final double[] vectors;
  /** A permutation of 0 … n − 1: the descending order of {@link #values}'s source. */
  final int[] order;
  /** The inverse root's (λ + ε)^(−1/p). */
  final double[] scale;

  /** Buffers for an n × n matrix (about 16·n² bytes). */
  public EigenWorkspace(int n) {
    this.n = n;
    square = new double[n][n];
    values = new double[n];
    vectors = new double[n * n];
    order = new int[n];
    scale = new double[n];
  }

  /** The eigenvalues of the last {@link SymmetricEigen#decompose}, largest first. */
  public double[] values() {
    return values;
  }

  /** The eigenvectors of the last {@link SymmetricEigen#decompose}, row-major, in columns. */
  public double[] vectors() {
    return vectors;
  }

  /**
   * Fills {@code order} with 0 … n − 1 sorted by descending {@code keys[j]} ({@link
   * Double#compare}), equal keys kept in index order: the permutation a stable sort with {@code
   * Comparator.comparingDouble(j -> keys[j]).reversed()} gives, found by insertion without boxing.
   */
  static void sortDescending(double[] keys, int[] order, int n) {
    for (int j = 0; j < n; j++) {
      int x = j;
      int k = j - 1;
      while (k >= 0 && Double.compare(keys[x], keys[order[k]]) > 0) {
        order[k + 1] = order[k];
        k--;
      }
      order[k + 1] = x;
    }
  }
}
