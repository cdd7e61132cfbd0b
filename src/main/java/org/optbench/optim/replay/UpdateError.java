package org.optbench.optim.replay;

/**
 * How far one update lands from a reference update of the same step, relative to the update's
 * size rather than the parameter's.
 *
 * <p>Both start from the same parameters p and end at a (checked) and e (reference). The final
 * rounding of p + Δ alone can move a result by one float32 ulp of the parameter, which relative to
 * a small update Δ is large and says nothing about the optimizer. So:
 *
 * <pre>
 *   max_abs = maxⱼ |aⱼ − eⱼ|
 *   max_rel = maxⱼ max(0, |aⱼ − eⱼ| − ulp(eⱼ)) / maxⱼ |eⱼ − pⱼ|
 * </pre>
 *
 * a norm-wise (∞-norm) relative error of the update with one ulp of the parameter allowed for the
 * final addition. Since |a − e| ≤ |Δₐ − Δₑ| + ulp(p), it never overstates the update's
 * difference. Norm-wise rather than elementwise: an element whose update is a cancellation near 0
 * (a first moment changing sign) has no meaningful elementwise relative error. 0 when nothing
 * differs beyond an ulp; +∞ when the reference did not move and the result did; NaN when a value
 * is NaN.
 */
public final class UpdateError {

  private UpdateError() {}

  /** {max_abs, max_rel} of {@code actual} against {@code reference}, both from {@code before}. */
  public static double[] of(float[] before, float[] actual, float[] reference) {
    double maxAbs = 0;
    double excess = 0;
    double scale = 0;
    for (int j = 0; j < before.length; j++) {
      double diff = Math.abs((double) actual[j] - reference[j]);
      if (Double.isNaN(diff)) {
        return new double[] {Double.NaN, Double.NaN};
      }
      maxAbs = Math.max(maxAbs, diff);
      excess = Math.max(excess, diff - Math.ulp(reference[j]));
      scale = Math.max(scale, Math.abs((double) reference[j] - before[j]));
    }
    double relative = excess <= 0 ? 0 : scale == 0 ? Double.POSITIVE_INFINITY : excess / scale;
    return new double[] {maxAbs, relative};
  }
}
