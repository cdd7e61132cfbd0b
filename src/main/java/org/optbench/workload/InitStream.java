package org.optbench.workload;

import java.util.SplittableRandom;
import org.optbench.dataset.Gaussian;

/**
 * The random numbers of one model's initialisation, drawn in a fixed order so that each tensor's
 * values depend only on the seed and the tensors before it.
 */
final class InitStream {

  private final SplittableRandom random;
  private Gaussian gaussian;

  InitStream(long seed) {
    // A stream of its own, distinct from the data and shuffling streams of the same seed; the
    // same stream as NetworkInit's, so uniform-only models draw the same numbers through both.
    this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 1);
  }

  /** {@code n} values from U(−bound, bound). */
  float[] uniform(long n, double bound) {
    float[] values = new float[Math.toIntExact(n)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (bound * (2 * random.nextDouble() - 1));
    }
    return values;
  }

  /** {@code n} values from N(0, std²). */
  float[] normal(long n, double std) {
    if (gaussian == null) {
      gaussian = new Gaussian(random.split());
    }
    float[] values = new float[Math.toIntExact(n)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (std * gaussian.next());
    }
    return values;
  }

  /** {@code n} copies of {@code value}. */
  static float[] constant(long n, float value) {
    float[] values = new float[Math.toIntExact(n)];
    java.util.Arrays.fill(values, value);
    return values;
  }
}
