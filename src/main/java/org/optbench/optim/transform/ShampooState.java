package org.optbench.optim.transform;

import java.util.List;
import org.optbench.optim.ParamTree;
import org.optbench.optim.TransformState;
import org.optbench.optim.linalg.EigenWorkspace;
import org.optbench.optim.linalg.MatrixShape;

/**
 * Shampoo's memory per tensor, seen as a matrix G (rows × cols, {@link MatrixShape}): for each
 * preconditioned dimension d (rows; cols too for rank ≥ 2) a statistic and its inverse root, d × d
 * when d ≤ max_precond_dim, else their diagonals (d values each). Each tensor also has its
 * {@link Scratch}, made here once so that a step allocates nothing; it is not state (not in
 * {@link #stateBytes()}, not in {@link #tensorArrays}).
 */
final class ShampooState implements TransformState {

  final MatrixShape[] shapes;
  /** {@code stats[i][side]}: side 0 the rows' statistic L, side 1 the columns' R (or null). */
  final float[][][] stats;
  /** {@code roots[i][side]}: the inverse root last computed from {@code stats[i][side]}. */
  final float[][][] roots;
  /** {@code diagonal[i][side]}: whether that side keeps only the diagonal. */
  final boolean[][] diagonal;
  /** {@code scratch[i]}: tensor i's working buffers, not state. */
  final Scratch[] scratch;
  int count;

  /**
   * One tensor's working buffers: the products' float64 matrices, a statistic's new term, and
   * the eigendecomposition's buffers for each full side. Their contents do not outlive a step.
   */
  static final class Scratch {
    /** G widened to float64, then L̂·G·R̂ (rows × cols). */
    final double[] wide;
    /** L̂·G (rows × cols). */
    final double[] product;
    /** G·Gᵀ, Gᵀ·G or a diagonal of either in float32, as long as the longer statistic. */
    final float[] term;
    /** Gᵀ·G's float64 sums (cols × cols) when the columns' statistic is full, else empty. */
    final double[] gram;
    /** A diagonal side's float64 squares (its d values; the longer such side), else empty. */
    final double[] squares;
    /** {@code eigen[side]}: the root's buffers for a full side, null for a diagonal one. */
    final EigenWorkspace[] eigen;

    Scratch(int rows, int cols, int[] dims, boolean[] diagonal) {
      wide = new double[rows * cols];
      product = new double[rows * cols];
      int termLength = 0;
      int squaresLength = 0;
      eigen = new EigenWorkspace[dims.length];
      for (int side = 0; side < dims.length; side++) {
        int d = dims[side];
        termLength = Math.max(termLength, diagonal[side] ? d : d * d);
        if (diagonal[side]) {
          squaresLength = Math.max(squaresLength, d);
        } else {
          eigen[side] = new EigenWorkspace(d);
        }
      }
      term = new float[termLength];
      gram = dims.length == 2 && !diagonal[1] ? new double[cols * cols] : new double[0];
      squares = new double[squaresLength];
    }
  }

  ShampooState(ParamTree params, int maxDim) {
    int k = params.size();
    shapes = new MatrixShape[k];
    stats = new float[k][][];
    roots = new float[k][][];
    diagonal = new boolean[k][];
    scratch = new Scratch[k];
    for (int i = 0; i < k; i++) {
      MatrixShape shape = MatrixShape.of(params.get(i).shape());
      shapes[i] = shape;
      int[] dims = shape.hasRightSide()
          ? new int[] {shape.rows(), shape.cols()}
          : new int[] {shape.rows()};
      stats[i] = new float[dims.length][];
      roots[i] = new float[dims.length][];
      diagonal[i] = new boolean[dims.length];
      for (int side = 0; side < dims.length; side++) {
        int d = dims[side];
        diagonal[i][side] = d > maxDim;
        int size = diagonal[i][side] ? d : d * d;
        stats[i][side] = new float[size];
        roots[i][side] = new float[size];
      }
      scratch[i] = new Scratch(shape.rows(), shape.cols(), dims, diagonal[i]);
    }
  }

  /** L, its root, then R and its root. */
  @Override
  public void tensorArrays(int tensor, List<float[]> out) {
    for (int side = 0; side < stats[tensor].length; side++) {
      out.add(stats[tensor][side]);
      out.add(roots[tensor][side]);
    }
  }

  @Override
  public long stateBytes() {
    long bytes = 0;
    for (int i = 0; i < stats.length; i++) {
      for (int side = 0; side < stats[i].length; side++) {
        bytes += 4L * (stats[i][side].length + roots[i][side].length);
      }
    }
    return bytes;
  }
}
