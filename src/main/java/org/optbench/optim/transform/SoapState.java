package org.optbench.optim.transform;

import java.util.List;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;
import org.optbench.optim.linalg.EigenWorkspace;
import org.optbench.optim.linalg.MatrixShape;

/**
 * SOAP's memory per tensor, seen as a matrix G (rows × cols, {@link MatrixShape}): Adam's m and v
 * in the rotated basis (shaped like the tensor), and for each rotated dimension d its statistic
 * (d × d, the EMA of G·Gᵀ or Gᵀ·G) and eigenbasis Q (d × d). A dimension is rotated when d ≤
 * max_precond_dim, and a vector's only when precondition_1d is set (scalars never). Each tensor
 * also has its {@link Scratch}, made here once so that a step allocates nothing; it is not state
 * (not in {@link #stateBytes()}, not in {@link #tensorArrays}).
 */
final class SoapState implements TransformState {

  final MatrixShape[] shapes;
  final float[][] m;
  final float[][] v;
  /** {@code stats[i][side]}: side 0 for the rows (L), 1 for the columns (R); null if not rotated. */
  final float[][][] stats;
  /** {@code bases[i][side]}: Q_L or Q_R, row-major, column j the j-th basis vector; or null. */
  final float[][][] bases;
  /** {@code scratch[i]}: tensor i's working buffers, not state. */
  final Scratch[] scratch;
  int count;

  /**
   * One tensor's working buffers: the rotations' float64 matrices, the float32 gradient in the
   * eigenbasis and the direction, a statistic's new term, and the basis buffers of each rotated
   * side. Their contents do not outlive a step. The float64 buffers and {@code permuted} are
   * empty where no side is rotated, {@code product} where the rows are not, {@code rotated} where
   * the columns are not (an unrotated side is the identity and needs none).
   */
  static final class Scratch {
    /** The matrix being rotated, widened to float64 (rows × cols). */
    final double[] wide;
    /** The left rotation's product (rows × cols). */
    final double[] product;
    /** The right rotation's product (rows × cols). */
    final double[] rotated;
    /** G in the eigenbasis, then the update in the parameter basis; m there at a refresh. */
    final float[] projected;
    /** m/(√v + ε), then the step's change of p. */
    final float[] direction;
    /** v's old values while a refresh permutes it. */
    final float[] permuted;
    /** G·Gᵀ or Gᵀ·G in float32, as long as the longer rotated side's statistic (or empty). */
    final float[] term;
    /** Gᵀ·G's float64 sums (cols × cols) when the columns are rotated, else empty. */
    final double[] gram;
    /** {@code eigen[side]}: the basis's buffers for a rotated side, else null. */
    final EigenWorkspace[] eigen = new EigenWorkspace[2];

    Scratch(MatrixShape shape, int size, boolean rowsRotated, boolean colsRotated) {
      boolean anyRotated = rowsRotated || colsRotated;
      wide = new double[anyRotated ? size : 0];
      product = new double[rowsRotated ? size : 0];
      rotated = new double[colsRotated ? size : 0];
      projected = new float[size];
      direction = new float[size];
      permuted = new float[anyRotated ? size : 0];
      int rows = shape.rows();
      int cols = shape.cols();
      int termLength = 0;
      if (rowsRotated) {
        termLength = rows * rows;
        eigen[0] = new EigenWorkspace(rows);
      }
      if (colsRotated) {
        termLength = Math.max(termLength, cols * cols);
        eigen[1] = new EigenWorkspace(cols);
      }
      term = new float[termLength];
      gram = colsRotated ? new double[cols * cols] : new double[0];
    }
  }

  SoapState(ParamTree params, int maxDim, boolean precondition1d) {
    int k = params.size();
    shapes = new MatrixShape[k];
    m = new float[k][];
    v = new float[k][];
    stats = new float[k][2][];
    bases = new float[k][2][];
    scratch = new Scratch[k];
    for (int i = 0; i < k; i++) {
      Tensor t = params.get(i);
      MatrixShape shape = MatrixShape.of(t.shape());
      shapes[i] = shape;
      m[i] = new float[t.size()];
      v[i] = new float[t.size()];
      if (rotatesRows(t.rank(), shape, maxDim, precondition1d)) {
        stats[i][0] = new float[shape.rows() * shape.rows()];
        bases[i][0] = new float[shape.rows() * shape.rows()];
      }
      if (shape.hasRightSide() && shape.cols() <= maxDim) {
        stats[i][1] = new float[shape.cols() * shape.cols()];
        bases[i][1] = new float[shape.cols() * shape.cols()];
      }
      scratch[i] = new Scratch(shape, t.size(), stats[i][0] != null, stats[i][1] != null);
    }
  }

  /** The reference's rule: every dimension up to max_precond_dim; a vector's only on request. */
  static boolean rotatesRows(int rank, MatrixShape shape, int maxDim, boolean precondition1d) {
    return shape.rows() <= maxDim && (rank >= 2 || (rank == 1 && precondition1d));
  }

  /** m, v, then L and Q_L, then R and Q_R (the rotated ones). */
  @Override
  public void tensorArrays(int tensor, List<float[]> out) {
    out.add(m[tensor]);
    out.add(v[tensor]);
    for (int side = 0; side < 2; side++) {
      if (stats[tensor][side] != null) {
        out.add(stats[tensor][side]);
        out.add(bases[tensor][side]);
      }
    }
  }

  @Override
  public long stateBytes() {
    long bytes = 0;
    for (int i = 0; i < m.length; i++) {
      bytes += 4L * (m[i].length + v[i].length);
      for (int side = 0; side < 2; side++) {
        if (stats[i][side] != null) {
          bytes += 4L * (stats[i][side].length + bases[i][side].length);
        }
      }
    }
    return bytes;
  }
}
