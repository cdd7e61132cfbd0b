package org.optbench.dataset;

import java.util.SplittableRandom;

/**
 * Interleaved spirals in the plane, the classic problem that no linear model separates (Lang &amp;
 * Witbrock 1988, "Learning to tell two spirals apart"; here in the CS231n form with k arms). Arm c
 * holds points r·(sin t, cos t) with radius r uniform in [0, 1) and angle t = 4r + 2πc/k + noise·ε,
 * ε ~ N(0, 1). Classes are balanced and rows shuffled.
 */
public final class SyntheticSpirals {

  private SyntheticSpirals() {}

  /** Generates train and held-out examples (2 features, label = arm) from one seed. */
  public static DataSplit generate(int arms, int trainSize, int evalSize, double noise, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Gaussian gaussian = new Gaussian(random.split());
    TabularData train = sample(trainSize, arms, noise, random.split(), gaussian);
    TabularData eval = sample(evalSize, arms, noise, random.split(), gaussian);
    return new DataSplit(train, eval);
  }

  private static TabularData sample(
      int rows, int arms, double noise, SplittableRandom random, Gaussian gaussian) {
    int[] order = Permutation.of(rows, random);
    float[] x = new float[rows * 2];
    float[] y = new float[rows];
    for (int i = 0; i < rows; i++) {
      int row = order[i];
      int arm = i % arms;
      double radius = random.nextDouble();
      double angle = 4 * radius + 2 * Math.PI * arm / arms + noise * gaussian.next();
      x[row * 2] = (float) (radius * Math.sin(angle));
      x[row * 2 + 1] = (float) (radius * Math.cos(angle));
      y[row] = arm;
    }
    return new TabularData(x, rows, 2, y, 1);
  }
}
