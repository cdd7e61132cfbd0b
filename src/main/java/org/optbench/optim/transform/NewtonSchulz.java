package org.optbench.optim.transform;

/**
 * Muon's orthogonalisation: the quintic Newton–Schulz iteration of Jordan et al. (2024), as
 * {@code torch.optim._muon._zeropower_via_newtonschulz} runs it, which maps a matrix G = USVᵀ to
 * approximately UVᵀ (singular values pushed into roughly [0.7, 1.2] rather than exactly 1):
 *
 * <pre>
 *   X ← G / max(‖G‖_F, ε)            (transposed first when G has more rows than columns)
 *   repeat k times:  A ← X·Xᵀ;  B ← b·A + c·A·A;  X ← a·X + B·X
 * </pre>
 *
 * <p>The arithmetic is float64 throughout, where torch runs it in bfloat16: bfloat16 is a GPU
 * throughput choice that leaves about 3·10⁻³ relative noise in every update, which would drown
 * the step-by-step comparison of the two engines and the reference (all three run the
 * iteration in float64, so they agree to float32 rounding). The products are rows times rows,
 * which keeps every inner loop on contiguous memory: X·Xᵀ directly, A·A as A·Aᵀ (A is
 * symmetric), and B·X as B·(Xᵀ)ᵀ with Xᵀ made once per iteration.
 */
public final class NewtonSchulz {

  private NewtonSchulz() {}

  /**
   * The float64 buffers of one matrix's iteration, made once per tensor so that a step
   * allocates nothing.
   */
  public static final class Workspace {
    private final int rows;
    private final int cols;
    private double[] x;
    private final double[] gram;
    private final double[] poly;
    private final double[] xt;
    private double[] next;
    private final double[] out;

    /** Buffers for a rows × cols matrix. */
    public Workspace(int rows, int cols) {
      this.rows = rows;
      this.cols = cols;
      int m = Math.min(rows, cols);
      int n = Math.max(rows, cols);
      x = new double[m * n];
      gram = new double[m * m];
      poly = new double[m * m];
      xt = new double[n * m];
      next = new double[m * n];
      out = new double[rows * cols];
    }
  }

  /** {@link #orthogonalize(float[], Workspace, double, double, double, int, double)} with fresh buffers. */
  public static double[] orthogonalize(float[] g, int rows, int cols, double a, double b,
      double c, int steps, double eps) {
    return orthogonalize(g, new Workspace(rows, cols), a, b, c, steps, eps);
  }

  /**
   * The orthogonalised {@code g}.
   *
   * @param g a rows × cols matrix, row-major, of the workspace's shape
   * @return the result, rows × cols, row-major; it lives in the workspace until the next call
   */
  public static double[] orthogonalize(float[] g, Workspace w, double a, double b, double c,
      int steps, double eps) {
    int rows = w.rows;
    int cols = w.cols;
    boolean transposed = rows > cols;
    int m = transposed ? cols : rows;
    int n = transposed ? rows : cols;
    double[] x = w.x;
    double sumOfSquares = 0;
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        double v = g[i * cols + j];
        x[transposed ? j * n + i : i * n + j] = v;
        sumOfSquares += v * v;
      }
    }
    double scale = 1 / Math.max(Math.sqrt(sumOfSquares), eps);
    for (int i = 0; i < x.length; i++) {
      x[i] *= scale;
    }
    double[] gram = w.gram;
    double[] poly = w.poly;
    double[] xt = w.xt;
    double[] next = w.next;
    for (int step = 0; step < steps; step++) {
      rowsTimesRows(x, x, gram, m, m, n);
      rowsTimesRows(gram, gram, poly, m, m, m);
      for (int i = 0; i < poly.length; i++) {
        poly[i] = b * gram[i] + c * poly[i];
      }
      transpose(x, xt, m, n);
      rowsTimesRows(poly, xt, next, m, n, m);
      for (int i = 0; i < next.length; i++) {
        next[i] += a * x[i];
      }
      double[] swap = x;
      x = next;
      next = swap;
    }
    // Keep the buffers' roles for the next call.
    w.x = x;
    w.next = next;
    if (!transposed) {
      System.arraycopy(x, 0, w.out, 0, x.length);
      return w.out;
    }
    transpose(x, w.out, m, n);
    return w.out;
  }

  /** out (p × q) = left (p × k) · rightᵀ, right being q × k: every entry a row-by-row dot. */
  private static void rowsTimesRows(double[] left, double[] right, double[] out, int p, int q,
      int k) {
    for (int i = 0; i < p; i++) {
      int li = i * k;
      for (int j = 0; j < q; j++) {
        int rj = j * k;
        double sum = 0;
        for (int t = 0; t < k; t++) {
          sum += left[li + t] * right[rj + t];
        }
        out[i * q + j] = sum;
      }
    }
  }

  private static void transpose(double[] in, double[] out, int rows, int cols) {
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        out[j * rows + i] = in[i * cols + j];
      }
    }
  }
}
