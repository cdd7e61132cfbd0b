package org.optbench.compare;

import java.util.Map;
import org.optbench.spec.RegressionSection;

/**
 * How a metric is judged: which direction is better, and the practical margin that an interval of
 * the change must lie beyond before it counts: {@code margin = max(atol, rtol·|baseline mean|)}.
 *
 * <p>Defaults, overridable per metric under the spec's {@code regression:} key:
 *
 * <table>
 * <caption>defaults</caption>
 * <tr><th>metric</th><th>better</th><th>rtol</th><th>atol</th></tr>
 * <tr><td>final_loss, final_loss_avg, best_loss, final_eval_loss</td><td>lower</td><td>0.01</td>
 *     <td>1e-6</td></tr>
 * <tr><td>final_accuracy</td><td>higher</td><td>0</td><td>0.005</td></tr>
 * <tr><td>steps_to_target</td><td>lower</td><td>0.05</td><td>1</td></tr>
 * <tr><td>diverged, optimizer_state_bytes</td><td>lower</td><td colspan="2">per seed, exact</td></tr>
 * <tr><td>steps_per_second (off)</td><td>higher</td><td>0.25</td><td>0</td></tr>
 * </table>
 *
 * <p>The defaults are practical thresholds, not statistical ones: a loss that moved by less than
 * 1%, an accuracy by less than half a point (one example in the nightly's 200 held-out ones) or
 * steps to target by less than 5% is not worth a failed nightly, while a consistent 2% loss shift
 * or a one-point accuracy drop is. Steps/s is judged relative to the result set's own median
 * (see {@link Throughput}), never against a stored absolute.
 *
 * <p>Where runs are bit-reproducible ({@link Determinism}) the margin is not used: a seed has
 * changed when its value moved by more than {@link #SEED_RTOL}/{@link #SEED_ATOL}.
 *
 * @param higherIsBetter direction of improvement
 * @param rtol margin relative to the baseline mean
 * @param atol least margin
 * @param off not compared
 */
record Tolerance(boolean higherIsBetter, double rtol, double atol, boolean off) {

  /**
   * Relative change of a seed's value that counts where runs are bit-reproducible. Result files
   * write every number with {@link Double#toString}, the shortest decimal that reads back as the
   * same double, so an unchanged run reads back bit for bit and its change is exactly 0. Losses and
   * accuracies are float32 values (libtorch), one float32 step apart being 6e-8 to 1.2e-7
   * relative: 1e-6, about ten such steps, lets through only re-rounding in the last bits (a
   * summary summed in another order), not a change to what training computed.
   */
  static final double SEED_RTOL = 1e-6;

  /** Absolute change that counts per seed for values near 0, where rtol vanishes. */
  static final double SEED_ATOL = 1e-9;

  static Tolerance of(String metric, Map<String, RegressionSection.Override> overrides) {
    Tolerance d = defaults(metric);
    RegressionSection.Override o = overrides.get(metric);
    if (o == null) {
      return d;
    }
    return new Tolerance(
        d.higherIsBetter,
        o.rtol() == null ? d.rtol : o.rtol(),
        o.atol() == null ? d.atol : o.atol(),
        o.off());
  }

  static Tolerance defaults(String metric) {
    return switch (metric) {
      case "final_loss", "final_loss_avg", "best_loss", "final_eval_loss" ->
          new Tolerance(false, 0.01, 1e-6, false);
      case "final_accuracy" -> new Tolerance(true, 0, 0.005, false);
      case "steps_to_target" -> new Tolerance(false, 0.05, 1, false);
      case "diverged", "optimizer_state_bytes" -> new Tolerance(false, 0, 0, false);
      case "steps_per_second" -> new Tolerance(true, 0.25, 0, true);
      default -> throw new IllegalArgumentException("no metric " + metric);
    };
  }

  /** The practical margin for a baseline mean. */
  double margin(double baselineMean) {
    return Math.max(atol, rtol * Math.abs(baselineMean));
  }

  /** {@code current − baseline}, signed so that positive is worse. */
  double worse(double baseline, double current) {
    return higherIsBetter ? baseline - current : current - baseline;
  }
}
