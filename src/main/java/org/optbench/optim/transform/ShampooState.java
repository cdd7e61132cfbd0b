package org.optbench.optim.transform;

import java.util.List;
import org.optbench.optim.ParamTree;
import org.optbench.optim.TransformState;
import org.optbench.optim.linalg.EigenWorkspace;
import org.optbench.optim.linalg.MatrixShape;

/**
 * Shampoo's memory per tensor, seen as a matrix G (rows × cols, {@link MatrixShape}) cut into
 * blocks ({@link MatrixShape#blocks}; one block, G itself, without block_size): for each block and
 * each of its preconditioned dimensions d (its rows; its cols too for rank ≥ 2) a statistic and
 * its inverse root, d × d when d ≤ max_precond_dim, else their diagonals (d values each). Each
 * block also has its {@link Scratch}, made here once so that a step allocates nothing; it is not
 * state (not in {@link #stateBytes()}, not in {@link #tensorArrays}).
 */
final class ShampooState implements TransformState {

  final MatrixShape[] shapes;
  /** {@code blocks[i]}: tensor i's blocks, in {@link MatrixShape#blocks}'s order. */
  final Block[][] blocks;
  int count;

  /** One block's preconditioners (Anil et al. 2020, §3: each block as its own parameter). */
  static final class Block {
    /** The block's first row and column in the tensor's matrix, and its shape. */
    final int row;
    final int col;
    final MatrixShape shape;
    /** {@code stats[side]}: side 0 the rows' statistic L, side 1 the columns' R (if any). */
    final float[][] stats;
    /** {@code roots[side]}: the inverse root last computed from {@code stats[side]}. */
    final float[][] roots;
    /** {@code diagonal[side]}: whether that side keeps only the diagonal. */
    final boolean[] diagonal;
    /** The block's working buffers, not state. */
    final Scratch scratch;
    /** The block's gradient, copied out of the tensor's; null when the block is the tensor. */
    final float[] gradient;

    Block(MatrixShape.Block block, boolean whole, int maxDim) {
      row = block.row();
      col = block.col();
      shape = block.shape();
      int[] dims = shape.hasRightSide()
          ? new int[] {shape.rows(), shape.cols()}
          : new int[] {shape.rows()};
      stats = new float[dims.length][];
      roots = new float[dims.length][];
      diagonal = new boolean[dims.length];
      for (int side = 0; side < dims.length; side++) {
        int d = dims[side];
        diagonal[side] = d > maxDim;
        int size = diagonal[side] ? d : d * d;
        stats[side] = new float[size];
        roots[side] = new float[size];
      }
      scratch = new Scratch(shape.rows(), shape.cols(), dims, diagonal);
      gradient = whole ? null : new float[shape.rows() * shape.cols()];
    }

    /**
     * The block's part of the tensor's gradient {@code g} (a matrix of {@code cols} columns),
     * copied into {@link #gradient}, or {@code g} itself when the block is the whole tensor.
     */
    float[] gather(float[] g, int cols) {
      if (gradient == null) {
        return g;
      }
      int width = shape.cols();
      for (int r = 0; r < shape.rows(); r++) {
        System.arraycopy(g, (row + r) * cols + col, gradient, r * width, width);
      }
      return gradient;
    }
  }

  /**
   * One block's working buffers: the products' float64 matrices, a statistic's new term, and
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

  /** {@code blockSize} 0: every tensor one block. */
  ShampooState(ParamTree params, int maxDim, int blockSize) {
    int k = params.size();
    shapes = new MatrixShape[k];
    blocks = new Block[k][];
    for (int i = 0; i < k; i++) {
      MatrixShape shape = MatrixShape.of(params.get(i).shape());
      shapes[i] = shape;
      List<MatrixShape.Block> parts = shape.blocks(blockSize);
      blocks[i] = new Block[parts.size()];
      for (int b = 0; b < parts.size(); b++) {
        blocks[i][b] = new Block(parts.get(b), parts.size() == 1, maxDim);
      }
    }
  }

  /** Per block, in order: L, its root, then R and its root. */
  @Override
  public void tensorArrays(int tensor, List<float[]> out) {
    for (Block b : blocks[tensor]) {
      for (int side = 0; side < b.stats.length; side++) {
        out.add(b.stats[side]);
        out.add(b.roots[side]);
      }
    }
  }

  @Override
  public long stateBytes() {
    long bytes = 0;
    for (Block[] tensor : blocks) {
      for (Block b : tensor) {
        for (int side = 0; side < b.stats.length; side++) {
          bytes += 4L * (b.stats[side].length + b.roots[side].length);
        }
      }
    }
    return bytes;
  }
}
