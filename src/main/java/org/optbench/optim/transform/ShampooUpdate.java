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
 * <p>Not in this variant: grafting (Agarwal et al. 2020), blocking of large dimensions (the
 * diagonal stands in for it), momentum; the weight decay is decoupled, added to the direction
 * before lr as optax does.
 */
public final class ShampooUpdate implements GradientTransform {

  private final double beta2;
  private final double eps;
  private final int frequency;
  private final int maxDim;
  private final float weightDecay;

  private ShampooUpdate(double beta2, double eps, int frequency, int maxDim, double weightDecay) {
    this.beta2 = beta2;
    this.eps = eps;
    this.frequency = frequency;
    this.maxDim = maxDim;
    this.weightDecay = (float) weightDecay;
  }

  /** See the class comment; {@code frequency} ≥ 1, {@code maxDim} ≥ 1. */
  public static GradientTransform shampoo(double beta2, double eps, int frequency, int maxDim,
      double weightDecay) {
    return new ShampooUpdate(beta2, eps, frequency, maxDim, weightDecay);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new ShampooState(params, maxDim);
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
      MatrixShape shape = s.shapes[i];
      int rows = shape.rows();
      int cols = shape.cols();
      int exponent = 2 * shape.order();
      ShampooState.Scratch scratch = s.scratch[i];
      for (int side = 0; side < s.stats[i].length; side++) {
        accumulate(s.stats[i][side], s.diagonal[i][side], side == 0, g, rows, cols, scratch);
        if (refresh) {
          root(s.stats[i][side], s.diagonal[i][side], side == 0 ? rows : cols, exponent,
              s.roots[i][side], scratch.eigen[side]);
        }
      }
      double[] x = DoubleProducts.left(s.roots[i][0], s.diagonal[i][0], false,
          DoubleProducts.widen(g, scratch.wide), rows, cols, scratch.product);
      if (shape.hasRightSide()) {
        // The widened G is spent: its buffer takes L̂·G·R̂.
        x = DoubleProducts.right(x, rows, cols, s.roots[i][1], s.diagonal[i][1], false,
            scratch.wide);
      }
      for (int j = 0; j < g.length; j++) {
        g[j] = -(lr * ((float) x[j] + weightDecay * p[j]));
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
