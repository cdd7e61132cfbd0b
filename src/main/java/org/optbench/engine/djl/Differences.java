package org.optbench.engine.djl;

import org.optbench.optim.replay.UpdateError;

/**
 * How two float32 results of the same step are compared.
 *
 * <p>Updates (lockstep, parameters): both implementations start from the same parameters and the
 * relative difference is that of the updates ({@link UpdateError}, the native update the
 * reference), so the final rounding of p + Δ is not counted against the optimizer.
 *
 * <p>States and trajectories: {@code max_rel = max_abs / maxⱼ |bⱼ|} (norm-wise, b the native
 * value); 0 when both are all zero. Scalars over the whole model (an optimizer's d) alike, in
 * double.
 */
final class Differences {

  /** Agreement required of matching semantics: relative 1e-6 per step (float32). */
  static final double LOCKSTEP_RTOL = 1e-6;

  private Differences() {}

  /** {max_abs, max_rel} of an update, as {@link UpdateError} defines them. */
  static double[] update(float[] before, float[] engine, float[] nativeResult) {
    return UpdateError.of(before, engine, nativeResult);
  }

  /** {max_abs, max_rel} of two arrays, norm-wise relative to {@code reference}. */
  static double[] values(float[] other, float[] reference) {
    double maxAbs = 0;
    double scale = 0;
    for (int j = 0; j < reference.length; j++) {
      double diff = Math.abs((double) other[j] - reference[j]);
      if (Double.isNaN(diff)) {
        return new double[] {Double.NaN, Double.NaN};
      }
      maxAbs = Math.max(maxAbs, diff);
      scale = Math.max(scale, Math.abs(reference[j]));
    }
    return new double[] {maxAbs, relative(maxAbs, scale)};
  }

  /** {max_abs, max_rel} of one scalar against {@code reference}, in double. */
  static double[] scalar(double other, double reference) {
    double diff = Math.abs(other - reference);
    return Double.isNaN(diff)
        ? new double[] {Double.NaN, Double.NaN}
        : new double[] {diff, relative(diff, Math.abs(reference))};
  }

  private static double relative(double diff, double scale) {
    if (diff <= 0) {
      return 0;
    }
    return scale == 0 ? Double.POSITIVE_INFINITY : diff / scale;
  }
}
