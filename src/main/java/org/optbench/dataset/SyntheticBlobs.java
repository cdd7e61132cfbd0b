package org.optbench.dataset;

import java.util.SplittableRandom;

/**
 * Gaussian blobs for classification: each class has a centre drawn uniformly from
 * [−4, 4]^features, and its examples are centre + spread·N(0, I). Classes are balanced (example i
 * belongs to class i mod classes) and rows are shuffled so that batches mix classes. With spread 1
 * and a few features the classes overlap a little, so accuracy approaches but rarely reaches 1.
 */
public final class SyntheticBlobs {

  private SyntheticBlobs() {}

  /** Generates train and held-out examples from one seed. */
  public static DataSplit generate(
      int features, int classes, int trainSize, int evalSize, double spread, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] centres = new double[classes][features];
    for (double[] centre : centres) {
      for (int j = 0; j < features; j++) {
        centre[j] = -4.0 + 8.0 * random.nextDouble();
      }
    }
    Gaussian gaussian = new Gaussian(random.split());
    TabularData train = sample(trainSize, centres, spread, gaussian, random.split());
    TabularData eval = sample(evalSize, centres, spread, gaussian, random.split());
    return new DataSplit(train, eval);
  }

  private static TabularData sample(
      int rows, double[][] centres, double spread, Gaussian gaussian, SplittableRandom shuffle) {
    int cols = centres[0].length;
    int[] order = Permutation.of(rows, shuffle);
    float[] x = new float[rows * cols];
    float[] y = new float[rows];
    for (int i = 0; i < rows; i++) {
      int row = order[i];
      int label = i % centres.length;
      y[row] = label;
      for (int j = 0; j < cols; j++) {
        x[row * cols + j] = (float) (centres[label][j] + spread * gaussian.next());
      }
    }
    return new TabularData(x, rows, cols, y, 1);
  }
}
