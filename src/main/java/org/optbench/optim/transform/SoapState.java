package org.optbench.optim.transform;

import java.util.List;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;
import org.optbench.optim.linalg.MatrixShape;

/**
 * SOAP's memory per tensor, seen as a matrix G (rows × cols, {@link MatrixShape}): Adam's m and v
 * in the rotated basis (shaped like the tensor), and for each rotated dimension d its statistic
 * (d × d, the EMA of G·Gᵀ or Gᵀ·G) and eigenbasis Q (d × d). A dimension is rotated when d ≤
 * max_precond_dim, and a vector's only when precondition_1d is set (scalars never).
 */
final class SoapState implements TransformState {

  final MatrixShape[] shapes;
  final float[][] m;
  final float[][] v;
  /** {@code stats[i][side]}: side 0 for the rows (L), 1 for the columns (R); null if not rotated. */
  final float[][][] stats;
  /** {@code bases[i][side]}: Q_L or Q_R, row-major, column j the j-th basis vector; or null. */
  final float[][][] bases;
  int count;

  SoapState(ParamTree params, int maxDim, boolean precondition1d) {
    int k = params.size();
    shapes = new MatrixShape[k];
    m = new float[k][];
    v = new float[k][];
    stats = new float[k][2][];
    bases = new float[k][2][];
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
