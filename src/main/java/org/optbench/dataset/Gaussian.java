package org.optbench.dataset;

import java.util.SplittableRandom;

/**
 * Standard normal samples from a {@link SplittableRandom} by the Box–Muller transform. Written
 * out rather than taken from {@code RandomGenerator.nextGaussian()} so that a seed's data never
 * depends on which JDK's sampling algorithm is installed.
 */
public final class Gaussian {

  private final SplittableRandom random;
  private double spare = Double.NaN;

  public Gaussian(SplittableRandom random) {
    this.random = random;
  }

  /** The next N(0, 1) sample. */
  public double next() {
    if (!Double.isNaN(spare)) {
      double value = spare;
      spare = Double.NaN;
      return value;
    }
    // Box & Muller 1958: two independent uniforms give two independent normals.
    double u1 = 1.0 - random.nextDouble(); // (0, 1], keeps log finite
    double u2 = random.nextDouble();
    double radius = Math.sqrt(-2.0 * Math.log(u1));
    spare = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  }
}
