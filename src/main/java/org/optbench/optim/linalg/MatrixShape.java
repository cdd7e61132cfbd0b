package org.optbench.optim.linalg;

import java.util.ArrayList;
import java.util.List;

/**
 * How Shampoo and SOAP see a tensor as a matrix G (rows × cols): a matrix is itself; a tensor of
 * rank ≥ 3 is its first dimension by the product of the rest (a conv kernel (out, in, kh, kw) as
 * out × in·kh·kw), one pair of preconditioners rather than one per dimension; a vector or scalar
 * is a column (n × 1) whose single dimension is its only preconditioned one.
 *
 * @param rows the first dimension (n for a vector, 1 for a scalar)
 * @param cols the product of the remaining dimensions (1 for a vector or scalar)
 * @param order how many dimensions are preconditioned: 2 for rank ≥ 2, else 1 (Gupta et al.
 *     2018's order k, which sets Shampoo's exponent −1/(2k))
 */
public record MatrixShape(int rows, int cols, int order) {

  /** The matrix view of a tensor of shape {@code shape}. */
  public static MatrixShape of(int[] shape) {
    if (shape.length < 2) {
      return new MatrixShape(shape.length == 0 ? 1 : shape[0], 1, 1);
    }
    long rest = 1;
    for (int d = 1; d < shape.length; d++) {
      rest *= shape[d];
    }
    return new MatrixShape(shape[0], Math.toIntExact(rest), 2);
  }

  /** Whether the columns are a preconditioned dimension (false for a vector or scalar). */
  public boolean hasRightSide() {
    return order == 2;
  }

  /**
   * One block of the matrix: its first row and column in the matrix, and its own shape (of the
   * matrix's order).
   */
  public record Block(int row, int col, MatrixShape shape) {}

  /**
   * Distributed Shampoo's blocking (Anil et al. 2020, §3; Shi et al. 2023): the matrix cut into
   * ⌈rows/b⌉ × ⌈cols/b⌉ blocks of at most b × b, the last block of each row and column of blocks
   * smaller, in row-major order of blocks. A vector or scalar (a column, order 1) is cut into
   * ⌈n/b⌉ blocks of b rows (the last smaller), each a shorter vector. {@code blockSize} 0 leaves
   * the matrix whole: one block.
   */
  public List<Block> blocks(int blockSize) {
    if (blockSize <= 0) {
      return List.of(new Block(0, 0, this));
    }
    List<Block> out = new ArrayList<>();
    for (int r = 0; r < rows; r += blockSize) {
      for (int c = 0; c < cols; c += blockSize) {
        out.add(new Block(r, c,
            new MatrixShape(Math.min(blockSize, rows - r), Math.min(blockSize, cols - c), order)));
      }
    }
    return out;
  }
}
