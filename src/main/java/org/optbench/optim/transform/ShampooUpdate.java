package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.linalg.DoubleProducts;
import org.optbench.optim.linalg.EigenWorkspace;
import org.optbench.optim.linalg.MatrixShape;
import org.optbench.optim.linalg.SymmetricEigen;

/**
 * Shampoo (Gupta, Koren &amp; Singer 2018, Algorithm 1 for matrices; Algorithm 2's exponent for
 * vectors). Per tensor, seen as a matrix G ({@link MatrixShape}: rank ≥ 3 flattened to its first
 * dimension by the rest):
 *
 * <pre>
 *   L ← L + G·Gᵀ,  R ← R + Gᵀ·G            (beta2 = 1, the paper's sums; L₀ = R₀ = 0)
 *   L ← β2·L + (1 − β2)·G·Gᵀ, … likewise   (beta2 &lt; 1, an EMA as in Distributed Shampoo)
 *   every precondition_frequency steps (t = 1, 1 + f, …): L̂ = (L + εI)^(−1/4), R̂ = (R + εI)^(−1/4)
 *   Δp = −lr·(L̂·G·R̂ + λ·p)
 * </pre>
 *
 * (L + εI) with L₀ = 0 is the paper's L₀ = εI. A vector (a bias) has the single statistic L = Σgg
 * ᵀ and exponent −1/2: full-matrix AdaGrad, Algorithm 2 at order 1. A dimension d above
 * max_precond_dim keeps only the diagonal of its statistic (d values, root elementwise), so a
 * huge dimension costs O(d), not O(d²) and an O(d³) root. The roots come from a float64
 * eigendecomposition ({@link SymmetricEigen#inverseRoot}) and are kept in float32, like the
 * statistics: where the statistic is rank-deficient its root has eigenvalues ε^(−1/p) (100 for
 * ε = 1e-4 and a vector), far above those the gradient meets, and its float32 rounding moves the
 * update by up to ~1e-5 of its size; a larger ε (or beta2 &lt; 1 with more steps) keeps it
 * smaller. Products are accumulated in
 * float64 and rounded once ({@link DoubleProducts}); state and the final update are float32.
 * The float64 buffers are the state's scratch, made at init: a step allocates nothing but when it
 * computes the roots, inside commons-math3's {@code EigenDecomposition}.
 *
 * <p>Blocking (Anil et al. 2020, §3, Distributed Shampoo's {@code block_size}; Shi et al. 2023):
 * with a block size b, G is cut into ⌈rows/b⌉ × ⌈cols/b⌉ blocks of at most b × b ({@link
 * MatrixShape#blocks}; a vector into blocks of b entries), and each block is preconditioned as
 * if it were a parameter of its own: its own L, R and roots, max_precond_dim applied to its own
 * dimensions. The preconditioner of G's entries is then block-diagonal, one Kronecker pair per
 * block: a block of r × c costs 8·(r² + c²) bytes of state and roots of sizes r and c, where
 * the whole matrix costs 8·(rows² + cols²) and roots of sizes rows and cols.
 *
 * <p>Not in this variant: grafting (Agarwal et al. 2020), momentum; the weight decay is
 * decoupled, added to the direction before lr as optax does.
 */
public final class ShampooUpdate implements GradientTransform {

  private final double beta2;
  private final double eps;
  private final int frequency;
  private final int maxDim;
  private final int blockSize;
  private final float weightDecay;

  private ShampooUpdate(double beta2, double eps, int frequency, int maxDim, int blockSize,
      double weightDecay) {
    this.beta2 = beta2;
    this.eps = eps;
    this.frequency = frequency;
    this.maxDim = maxDim;
    this.blockSize = blockSize;
    this.weightDecay = (float) weightDecay;
  }

  /** See the class comment; {@code frequency} ≥ 1, {@code maxDim} ≥ 1; no blocking. */
  public static GradientTransform shampoo(double beta2, double eps, int frequency, int maxDim,
      double weightDecay) {
    return shampoo(beta2, eps, frequency, maxDim, 0, weightDecay);
  }

  /**
   * See the class comment; {@code frequency} ≥ 1, {@code maxDim} ≥ 1, {@code blockSize} ≥ 1, or
   * 0 for no blocking (each tensor one block).
   */
  public static GradientTransform shampoo(double beta2, double eps, int frequency, int maxDim,
      int blockSize, double weightDecay) {
    return new ShampooUpdate(beta2, eps, frequency, maxDim, blockSize, weightDecay);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new ShampooState(params, maxDim, blockSize);
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    ShampooState s = (ShampooState) state;
    int t = ++s.count;
    boolean refresh = (t - 1) % frequency == 0;
    float lr = (float) c.lr();
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] p = params.data(i);
      int tensorCols = s.shapes[i].cols();
      for (ShampooState.Block b : s.blocks[i]) {
        MatrixShape shape = b.shape;
        int rows = shape.rows();
        int cols = shape.cols();
        int exponent = 2 * shape.order();
        ShampooState.Scratch scratch = b.scratch;
        float[] gb = b.gather(g, tensorCols);
        for (int side = 0; side < b.stats.length; side++) {
          accumulate(b.stats[side], b.diagonal[side], side == 0, gb, rows, cols, scratch);
          if (refresh) {
            root(b.stats[side], b.diagonal[side], side == 0 ? rows : cols, exponent,
                b.roots[side], scratch.eigen[side]);
          }
        }
        double[] x = DoubleProducts.left(b.roots[0], b.diagonal[0], false,
            DoubleProducts.widen(gb, scratch.wide), rows, cols, scratch.product);
        if (shape.hasRightSide()) {
          // The widened G is spent: its buffer takes L̂·G·R̂.
          x = DoubleProducts.right(x, rows, cols, b.roots[1], b.diagonal[1], false,
              scratch.wide);
        }
        // Back into the block's place in the tensor; the other blocks' entries are untouched.
        for (int r = 0; r < rows; r++) {
          int from = r * cols;
          int to = (b.row + r) * tensorCols + b.col;
          for (int k = 0; k < cols; k++) {
            g[to + k] = -(lr * ((float) x[from + k] + weightDecay * p[to + k]));
          }
        }
      }
    }
    return updates;
  }

  /** S ← S + G·Gᵀ (or Gᵀ·G, or their diagonals), or the EMA for beta2 &lt; 1, in float32. */
  private void accumulate(float[] stat, boolean diagonal, boolean rowSide, float[] g, int rows,
      int cols, ShampooState.Scratch scratch) {
    float[] term = scratch.term;
    if (diagonal) {
      double[] squares = scratch.squares;
      if (rowSide) {
        DoubleProducts.rowSquares(g, rows, cols, squares);
      } else {
        DoubleProducts.colSquares(g, rows, cols, squares);
      }
      for (int k = 0; k < stat.length; k++) {
        term[k] = (float) squares[k];
      }
    } else if (rowSide) {
      DoubleProducts.gramOfRows(g, rows, cols, term);
    } else {
      DoubleProducts.gramOfCols(g, rows, cols, scratch.gram, term);
    }
    if (beta2 == 1) {
      for (int k = 0; k < stat.length; k++) {
        stat[k] = stat[k] + term[k];
      }
    } else {
      float b = (float) beta2;
      float w = (float) (1 - beta2);
      for (int k = 0; k < stat.length; k++) {
        stat[k] = b * stat[k] + w * term[k];
      }
    }
  }

  /** (S + εI)^(−1/p) in float64, rounded into {@code out}; elementwise for a diagonal. */
  private void root(float[] stat, boolean diagonal, int d, int p, float[] out,
      EigenWorkspace eigen) {
    if (diagonal) {
      for (int k = 0; k < d; k++) {
        out[k] = (float) Math.pow(stat[k] + eps, -1.0 / p);
      }
    } else {
      SymmetricEigen.inverseRoot(stat, eps, p, out, eigen);
    }
  }
}
