package org.optbench.compare;

import java.util.Map;
import org.optbench.spec.RegressionSection;

/**
 * How far a metric's current seed median may move before it counts. From the baseline's seeds of a
 * cell, with r = max − min (the seed spread) and f = max(atol, rtol·|median|) (a floor, so that a
 * cell with one seed or identical seeds still has a band):
 *
 * <pre>band = [min − widen·r − f,  max + widen·r + f]</pre>
 *
 * <p>Defaults, overridable per metric under the spec's {@code regression:} key:
 *
 * <table>
 * <caption>defaults</caption>
 * <tr><th>metric</th><th>better</th><th>widen</th><th>rtol</th><th>atol</th></tr>
 * <tr><td>final_loss, best_loss</td><td>lower</td><td>1</td><td>0.05</td><td>1e-6</td></tr>
 * <tr><td>final_accuracy</td><td>higher</td><td>1</td><td>0.02</td><td>0.01</td></tr>
 * <tr><td>steps_to_target</td><td>lower</td><td>1</td><td>0.10</td><td>2</td></tr>
 * <tr><td>diverged_runs (count)</td><td>lower</td><td>0</td><td>0</td><td>0</td></tr>
 * <tr><td>optimizer_state_bytes</td><td>lower</td><td>0</td><td>0</td><td>0</td></tr>
 * <tr><td>steps_per_second</td><td>higher</td><td>1</td><td>0.50</td><td>0</td></tr>
 * </table>
 *
 * <p>Throughput has a wide default because a nightly machine is rarely the baseline's machine.
 *
 * @param higherIsBetter direction of improvement
 * @param off not compared
 */
record Tolerance(boolean higherIsBetter, double widen, double rtol, double atol, boolean off) {

  static Tolerance of(String metric, Map<String, RegressionSection.Override> overrides) {
    Tolerance d = defaults(metric);
    RegressionSection.Override o = overrides.get(metric);
    if (o == null) {
      return d;
    }
    return new Tolerance(
        d.higherIsBetter,
        o.widen() == null ? d.widen : o.widen(),
        o.rtol() == null ? d.rtol : o.rtol(),
        o.atol() == null ? d.atol : o.atol(),
        o.off());
  }

  static Tolerance defaults(String metric) {
    return switch (metric) {
      case "final_loss", "best_loss" -> new Tolerance(false, 1, 0.05, 1e-6, false);
      case "final_accuracy" -> new Tolerance(true, 1, 0.02, 0.01, false);
      case "steps_to_target" -> new Tolerance(false, 1, 0.10, 2, false);
      case "diverged_runs", "optimizer_state_bytes" -> new Tolerance(false, 0, 0, 0, false);
      case "steps_per_second" -> new Tolerance(true, 1, 0.5, 0, false);
      default -> throw new IllegalArgumentException("no metric " + metric);
    };
  }

  /** {lo, hi} for baseline seed values {@code v} (finite) with median {@code m}. */
  double[] band(double[] v, double m) {
    double lo = Targets.min(v);
    double hi = Targets.max(v);
    double spread = hi - lo;
    double floor = Math.max(atol, rtol * Math.abs(m));
    return new double[] {lo - widen * spread - floor, hi + widen * spread + floor};
  }
}
