package org.optbench.dataset;

import java.util.SplittableRandom;

/**
 * Linear-regression data y = x·w + b + ε with x ~ N(0, I), true weights w ~ N(0, 1), b ~ N(0, 1)
 * and noise ε ~ N(0, noise²), as in d2l.ai §3.3 ("synthetic_data"). The minimum achievable mean
 * squared error is noise², which makes convergence checkable by hand.
 */
public final class SyntheticLinear {

  private SyntheticLinear() {}

  /** Generates train and held-out examples from one seed. */
  public static DataSplit generate(int features, int trainSize, int evalSize, double noise, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Gaussian gaussian = new Gaussian(random.split());
    double[] weights = new double[features];
    for (int j = 0; j < features; j++) {
      weights[j] = gaussian.next();
    }
    double bias = gaussian.next();
    Gaussian sampler = new Gaussian(random.split());
    return new DataSplit(
        sample(trainSize, weights, bias, noise, sampler), sample(evalSize, weights, bias, noise, sampler));
  }

  private static TabularData sample(
      int rows, double[] weights, double bias, double noise, Gaussian gaussian) {
    int cols = weights.length;
    float[] x = new float[rows * cols];
    float[] y = new float[rows];
    for (int i = 0; i < rows; i++) {
      double target = bias;
      for (int j = 0; j < cols; j++) {
        float value = (float) gaussian.next();
        x[i * cols + j] = value;
        target += weights[j] * value;
      }
      y[i] = (float) (target + noise * gaussian.next());
    }
    return new TabularData(x, rows, cols, y, 1);
  }
}
