package org.optbench.spec;

/**
 * What a workload's runs are timed to: the first evaluation at which {@code metric} reaches
 * {@code value}.
 *
 * @param metric the held-out metric
 * @param value the target value; NaN when it is to be derived from reference runs ({@code from})
 * @param from the tuned optimizer whose final reruns set a derived target; empty for a given one
 * @param within a derived target counts the reference runs' evaluations up to this fraction of
 *     the steps, so that the budget exceeds the target-setting time (AlgoPerf gives 4/3 of it:
 *     the default 0.75); 1 for a given target
 */
public record Target(TargetMetric metric, double value, String from, double within) {

  /** The default {@code within}: the budget is 4/3 of the time the reference needed. */
  public static final double WITHIN = 0.75;

  public boolean derived() {
    return !from.isEmpty();
  }
}
