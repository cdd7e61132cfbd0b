package org.optbench.engine.djl;

/**
 * How two float32 results of the same step are compared.
 *
 * <p>Updates (lockstep, parameters): both implementations start from the same parameters p and
 * end at pₑ (engine) and pₙ (native) with pₙ = p + Δₙ. The final rounding of p + Δ alone can
 * move a result by one float32 ulp of the parameter, which relative to a small update Δ is large
 * and says nothing about the optimizer. So the relative difference is that of the updates:
 *
 * <pre>
 *   max_abs = maxⱼ |pₑⱼ − pₙⱼ|
 *   max_rel = maxⱼ max(0, |pₑⱼ − pₙⱼ| − ulp(pₙⱼ)) / maxⱼ |Δₙⱼ|
 * </pre>
 *
 * a norm-wise (∞-norm) relative error of the update with one ulp of the parameter allowed for the
 * final addition. Since |pₑ − pₙ| ≤ |Δₑ − Δₙ| + ulp(p), it never overstates the update's
 * difference. Norm-wise rather than elementwise: an element whose update is a cancellation
 * near 0 (a first moment changing sign) has no meaningful elementwise relative error.
 *
 * <p>States and trajectories: {@code max_rel = max_abs / maxⱼ |bⱼ|} (norm-wise, b the native
 * value); 0 when both are all zero.
 */
final class Differences {

  /** Agreement the issue asks of matching semantics: relative 1e-6 per step (float32). */
  static final double LOCKSTEP_RTOL = 1e-6;

  private Differences() {}

  /** {max_abs, max_rel} of an update, as the class comment defines them. */
  static double[] update(float[] before, float[] engine, float[] nativeResult) {
    double maxAbs = 0;
    double excess = 0;
    double scale = 0;
    for (int j = 0; j < before.length; j++) {
      double diff = Math.abs((double) engine[j] - nativeResult[j]);
      maxAbs = Math.max(maxAbs, diff);
      excess = Math.max(excess, diff - Math.ulp(nativeResult[j]));
      scale = Math.max(scale, Math.abs((double) nativeResult[j] - before[j]));
      if (Double.isNaN(diff)) {
        return new double[] {Double.NaN, Double.NaN};
      }
    }
    return new double[] {maxAbs, relative(excess, scale)};
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

  private static double relative(double diff, double scale) {
    if (diff <= 0) {
      return 0;
    }
    return scale == 0 ? Double.POSITIVE_INFINITY : diff / scale;
  }
}
