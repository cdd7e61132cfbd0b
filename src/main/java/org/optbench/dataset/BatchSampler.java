package org.optbench.dataset;

import java.util.SplittableRandom;

/**
 * The order in which training examples are visited: a fresh permutation every epoch, cut into
 * batches; a last partial batch is dropped so every step sees the same batch size. The order
 * depends only on the seed, never on the optimizer or engine, so within a grid only the optimizer
 * differs between runs with the same seed.
 */
public final class BatchSampler {

  private final int rows;
  private final int batchSize;
  private final SplittableRandom random;
  private int[] order;
  private int position;

  /**
   * @param rows examples in the training set
   * @param batchSize examples per batch; at most {@code rows}
   * @param seed the run's seed
   */
  public BatchSampler(int rows, int batchSize, long seed) {
    if (batchSize > rows) {
      throw new IllegalArgumentException(
          "batch_size " + batchSize + " exceeds the " + rows + " training examples");
    }
    this.rows = rows;
    this.batchSize = batchSize;
    // A stream of its own, so that shuffling never shares random numbers with data generation.
    this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    this.position = rows;
  }

  /** Fills {@code indices} (length batch size) with the next batch's row indices. */
  public void next(int[] indices) {
    if (position + batchSize > rows) {
      order = Permutation.of(rows, random);
      position = 0;
    }
    System.arraycopy(order, position, indices, 0, batchSize);
    position += batchSize;
  }

  public int batchSize() {
    return batchSize;
  }
}
