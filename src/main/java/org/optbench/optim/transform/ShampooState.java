package org.optbench.optim.transform;

import java.util.List;
import org.optbench.optim.ParamTree;
import org.optbench.optim.TransformState;
import org.optbench.optim.linalg.MatrixShape;

/**
 * Shampoo's memory per tensor, seen as a matrix G (rows × cols, {@link MatrixShape}): for each
 * preconditioned dimension d (rows; cols too for rank ≥ 2) a statistic and its inverse root, d × d
 * when d ≤ max_precond_dim, else their diagonals (d values each).
 */
final class ShampooState implements TransformState {

  final MatrixShape[] shapes;
  /** {@code stats[i][side]}: side 0 the rows' statistic L, side 1 the columns' R (or null). */
  final float[][][] stats;
  /** {@code roots[i][side]}: the inverse root last computed from {@code stats[i][side]}. */
  final float[][][] roots;
  /** {@code diagonal[i][side]}: whether that side keeps only the diagonal. */
  final boolean[][] diagonal;
  int count;

  ShampooState(ParamTree params, int maxDim) {
    int k = params.size();
    shapes = new MatrixShape[k];
    stats = new float[k][][];
    roots = new float[k][][];
    diagonal = new boolean[k][];
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
