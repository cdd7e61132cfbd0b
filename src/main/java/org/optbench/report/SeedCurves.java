package org.optbench.report;

import java.util.Arrays;
import java.util.List;
import org.optbench.io.StepSeries;

/**
 * One metric of {@code steps.csv} per cell and step, aggregated over the cell's seeds: median, min
 * and max, and the median wall time at which the seeds reached the step.
 *
 * <p>Only finite values count. A diverged seed therefore drops out of the aggregate from its
 * divergence on, and steps where no seed has a value are left out (a gap, not a zero).
 */
final class SeedCurves {

  private SeedCurves() {}

  /**
   * A metric of one cell over steps.
   *
   * @param cell the cell label
   * @param step steps with at least one finite value, ascending
   * @param median median over seeds at each step (the mean of the middle two for even counts)
   * @param min lowest seed at each step
   * @param max highest seed at each step
   * @param seconds median training wall time at the step, in seconds
   */
  record Curve(
      String cell, double[] step, double[] median, double[] min, double[] max, double[] seconds) {

    boolean isEmpty() {
      return step.length == 0;
    }

    /** Whether the seeds differ anywhere, i.e. whether a band is worth drawing. */
    boolean hasSpread() {
      for (int i = 0; i < step.length; i++) {
        if (max[i] > min[i]) {
          return true;
        }
      }
      return false;
    }
  }

  /** The curve of {@code metric} over the runs {@code runIds} of {@code cell}. */
  static Curve of(StepSeries series, String cell, List<String> runIds, String metric) {
    int seeds = runIds.size();
    int maxStep = 0;
    for (String id : runIds) {
      StepSeries.Run run = series.run(id);
      for (int i = 0; i < run.size(); i++) {
        maxStep = Math.max(maxStep, run.steps()[i]);
      }
    }
    // Dense per-step columns: steps are 1..N in every run, so indexing by step is exact and cheap.
    float[][] value = new float[seeds][];
    float[][] wall = new float[seeds][];
    for (int s = 0; s < seeds; s++) {
      StepSeries.Run run = series.run(runIds.get(s));
      value[s] = new float[maxStep + 1];
      wall[s] = new float[maxStep + 1];
      Arrays.fill(value[s], Float.NaN);
      Arrays.fill(wall[s], Float.NaN);
      float[] v = run.values(metric);
      float[] w = run.values("wall_ms");
      for (int i = 0; i < run.size(); i++) {
        int step = run.steps()[i];
        if (step >= 0) {
          value[s][step] = v[i];
          wall[s][step] = w[i];
        }
      }
    }
    double[] step = new double[maxStep + 1];
    double[] median = new double[maxStep + 1];
    double[] min = new double[maxStep + 1];
    double[] max = new double[maxStep + 1];
    double[] seconds = new double[maxStep + 1];
    double[] values = new double[seeds];
    double[] walls = new double[seeds];
    int n = 0;
    for (int t = 0; t <= maxStep; t++) {
      int k = 0;
      int kw = 0;
      for (int s = 0; s < seeds; s++) {
        float v = value[s][t];
        if (Float.isFinite(v)) {
          values[k++] = v;
          if (Float.isFinite(wall[s][t])) {
            walls[kw++] = wall[s][t];
          }
        }
      }
      if (k == 0) {
        continue;
      }
      Arrays.sort(values, 0, k);
      step[n] = t;
      median[n] = median(values, k);
      min[n] = values[0];
      max[n] = values[k - 1];
      if (kw > 0) {
        Arrays.sort(walls, 0, kw);
        seconds[n] = median(walls, kw) / 1000;
      } else {
        seconds[n] = Double.NaN;
      }
      n++;
    }
    return new Curve(
        cell,
        Arrays.copyOf(step, n),
        Arrays.copyOf(median, n),
        Arrays.copyOf(min, n),
        Arrays.copyOf(max, n),
        Arrays.copyOf(seconds, n));
  }

  /** The median of the sorted {@code values[0, k)}. */
  static double median(double[] sorted, int k) {
    return k % 2 == 1 ? sorted[k / 2] : (sorted[k / 2 - 1] + sorted[k / 2]) / 2;
  }
}
