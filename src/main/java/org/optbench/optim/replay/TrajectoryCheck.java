package org.optbench.optim.replay;

import java.util.List;

/**
 * Elementwise comparison of a trajectory with the expected one, numpy.allclose's rule:
 * {@code |a − e| ≤ atol + rtol·|e|}.
 *
 * @param maxAbsError max |a − e| over all elements
 * @param maxRelError max |a − e| / |e| over elements with e ≠ 0
 * @param withinTolerance whether every element passes
 * @param worst where the largest excess over the tolerance is, e.g. {@code step 3, tensor 'w'[5]}
 */
public record TrajectoryCheck(double maxAbsError, double maxRelError, boolean withinTolerance,
    String worst) {

  /** Default tolerances of the replay contract. */
  public static final double RTOL = 1e-5;
  public static final double ATOL = 1e-6;

  /** Compares {@code actual} with {@code expected}, which have the same nesting. */
  public static TrajectoryCheck compare(List<float[][]> expected, List<float[][]> actual,
      List<String> tensorNames, double rtol, double atol) {
    double maxAbs = 0;
    double maxRel = 0;
    double worstExcess = Double.NEGATIVE_INFINITY;
    String worst = "";
    for (int t = 0; t < expected.size(); t++) {
      for (int i = 0; i < expected.get(t).length; i++) {
        float[] e = expected.get(t)[i];
        float[] a = actual.get(t)[i];
        for (int j = 0; j < e.length; j++) {
          double diff = Math.abs((double) a[j] - e[j]);
          if (Double.isNaN(diff)) {
            diff = Double.POSITIVE_INFINITY;
          }
          maxAbs = Math.max(maxAbs, diff);
          if (e[j] != 0) {
            maxRel = Math.max(maxRel, diff / Math.abs(e[j]));
          }
          double excess = diff - (atol + rtol * Math.abs(e[j]));
          if (excess > worstExcess) {
            worstExcess = excess;
            worst = "step " + (t + 1) + ", tensor '" + tensorNames.get(i) + "'[" + j + "]: got "
                + a[j] + ", expected " + e[j];
          }
        }
      }
    }
    return new TrajectoryCheck(maxAbs, maxRel, worstExcess <= 0, worst);
  }
}
