package org.optbench.dataset;

/**
 * A table of examples in row-major float arrays: {@code x} holds {@code rows × cols} inputs and
 * {@code y} holds {@code rows × targetCols} targets. Class labels are stored as their index in a
 * single target column, which is what a sparse softmax cross-entropy expects.
 *
 * @param x inputs, row-major
 * @param rows number of examples
 * @param cols input features per example
 * @param y targets, row-major
 * @param targetCols targets per example (1 for scalar regression and for class labels)
 */
public record TabularData(float[] x, int rows, int cols, float[] y, int targetCols) {

  public TabularData {
    if (x.length != (long) rows * cols) {
      throw new IllegalArgumentException("x has " + x.length + " values, expected " + rows * cols);
    }
    if (y.length != (long) rows * targetCols) {
      throw new IllegalArgumentException(
          "y has " + y.length + " values, expected " + rows * targetCols);
    }
  }

  /** Copies the rows listed in {@code indices} into the given batch buffers. */
  public void gather(int[] indices, float[] xBatch, float[] yBatch) {
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(x, indices[i] * cols, xBatch, i * cols, cols);
      System.arraycopy(y, indices[i] * targetCols, yBatch, i * targetCols, targetCols);
    }
  }
}
