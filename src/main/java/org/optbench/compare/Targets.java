package org.optbench.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Steps-to-target. Minibatch losses are noisy, so the curve is first smoothed with a bias-corrected
 * exponential moving average (β = 0.9, as Adam's first moment). A cell's target is fixed by the
 * baseline: the loss that covers three quarters of its median decrease,
 * {@code target = L_final + 0.25·(L_first − L_final)} with seed medians of the first and the last
 * smoothed loss. A run's steps-to-target is the first step whose smoothed loss is at or below the
 * target, or {@code steps + 1} when it never gets there (so a median stays finite and ranks last).
 */
final class Targets {

  static final double BETA = 0.9;
  static final double REMAINING = 0.25;

  private Targets() {}

  /** Each run's raw losses in step order, from {@code steps.csv}. */
  static Map<String, double[]> lossesByRun(Table steps) {
    Map<String, List<Double>> lists = new LinkedHashMap<>();
    for (int row = 0; row < steps.rowCount(); row++) {
      lists.computeIfAbsent(steps.stringColumn("run_id").get(row), k -> new ArrayList<>())
          .add(steps.doubleColumn("loss").getDouble(row));
    }
    Map<String, double[]> losses = new LinkedHashMap<>();
    lists.forEach((id, list) -> losses.put(id, list.stream().mapToDouble(Double::doubleValue).toArray()));
    return losses;
  }

  static double[] smoothed(double[] loss) {
    double[] out = new double[loss.length];
    double m = 0;
    for (int t = 0; t < loss.length; t++) {
      m = BETA * m + (1 - BETA) * loss[t];
      out[t] = m / (1 - Math.pow(BETA, t + 1));
    }
    return out;
  }

  /** The target of a cell from its runs' raw losses; NaN when no run has a finite curve. */
  static double target(List<double[]> runs) {
    List<Double> first = new ArrayList<>();
    List<Double> last = new ArrayList<>();
    for (double[] loss : runs) {
      double[] s = smoothed(loss);
      if (s.length > 0 && Double.isFinite(s[0]) && Double.isFinite(s[s.length - 1])) {
        first.add(s[0]);
        last.add(s[s.length - 1]);
      }
    }
    if (first.isEmpty()) {
      return Double.NaN;
    }
    double lf = median(last);
    return lf + REMAINING * (median(first) - lf);
  }

  /** 1-based step at which the smoothed loss first reaches {@code target}; length + 1 if never. */
  static double stepsToTarget(double[] loss, double target) {
    if (!Double.isFinite(target)) {
      return Double.NaN;
    }
    double[] s = smoothed(loss);
    for (int t = 0; t < s.length; t++) {
      if (s[t] <= target) {
        return t + 1;
      }
    }
    return s.length + 1;
  }

  /** Median of the finite values, NaN if none. */
  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  static double[] finite(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
  }

  static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.NaN);
  }

  static double max(double[] v) {
    return Arrays.stream(v).max().orElse(Double.NaN);
  }
}
