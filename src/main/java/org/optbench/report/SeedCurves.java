package org.optbench.report;

import java.util.Arrays;
import java.util.List;
import org.optbench.io.StepSeries;
import org.optbench.stats.Estimate;
import org.optbench.stats.SeedStatistics;

/**
 * One metric of {@code steps.csv} per cell and step, aggregated over the cell's seeds: the mean
 * with its 95% Student-t interval ({@link SeedStatistics#mean}, the summary over seeds used
 * throughout optbench), and the mean wall time at which the seeds reached the step.
 *
 * <p>Only finite values count. A diverged seed therefore drops out of the aggregate from its
 * divergence on (n falls by one), and steps where no seed has a value are left out (a gap, not a
 * zero). Where a single seed has a value there is no interval: low and high are NaN.
 */
final class SeedCurves {

  /** Confidence level of the bands. */
  static final double LEVEL = 0.95;

  private SeedCurves() {}

  /**
   * A metric of one cell over steps.
   *
   * @param cell the cell label
   * @param step steps with at least one finite value, ascending
   * @param mean mean over the seeds with a finite value at each step
   * @param low lower end of the 95% t-interval of that mean; NaN where n = 1
   * @param high upper end likewise
   * @param n how many seeds have a finite value at each step
   * @param seconds mean training wall time at the step over those seeds, in seconds
   */
  record Curve(
      String cell,
      double[] step,
      double[] mean,
      double[] low,
      double[] high,
      int[] n,
      double[] seconds) {

    boolean isEmpty() {
      return step.length == 0;
    }

    /** Whether some step has an interval of positive width, i.e. whether a band is worth drawing. */
    boolean hasBand() {
      for (int i = 0; i < step.length; i++) {
        if (high[i] > low[i]) {
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
    int size = maxStep + 1;
    double[] step = new double[size];
    double[] mean = new double[size];
    double[] low = new double[size];
    double[] high = new double[size];
    int[] count = new int[size];
    double[] seconds = new double[size];
    double[] values = new double[seeds];
    int n = 0;
    for (int t = 0; t <= maxStep; t++) {
      int k = 0;
      int kw = 0;
      double wallSum = 0;
      for (int s = 0; s < seeds; s++) {
        float v = value[s][t];
        if (Float.isFinite(v)) {
          values[k++] = v;
          if (Float.isFinite(wall[s][t])) {
            wallSum += wall[s][t];
            kw++;
          }
        }
      }
      if (k == 0) {
        continue;
      }
      Estimate estimate = SeedStatistics.mean(Arrays.copyOf(values, k), LEVEL);
      step[n] = t;
      mean[n] = estimate.value();
      low[n] = estimate.interval().low();
      high[n] = estimate.interval().high();
      count[n] = k;
      seconds[n] = kw > 0 ? wallSum / kw / 1000 : Double.NaN;
      n++;
    }
    return new Curve(
        cell,
        Arrays.copyOf(step, n),
        Arrays.copyOf(mean, n),
        Arrays.copyOf(low, n),
        Arrays.copyOf(high, n),
        Arrays.copyOf(count, n),
        Arrays.copyOf(seconds, n));
  }
}
