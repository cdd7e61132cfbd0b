package org.optbench.spec;

/**
 * What a workload's runs are timed to: the first evaluation at which {@code metric} reaches
 * {@code value}.
 *
 * @param metric the held-out metric
 * @param value the target value; NaN when it is to be derived from reference runs ({@code from})
 * @param from the tuned optimizer whose final reruns set a derived target; empty for a given one
 */
public record Target(TargetMetric metric, double value, String from) {

  public boolean derived() {
    return !from.isEmpty();
  }

  /** E.g. {@code eval_accuracy ≥ 0.85} or {@code eval_loss from adam}. */
  public String describe() {
    if (derived()) {
      return metric.column() + " from " + from;
    }
    return metric.column() + (metric.higherIsBetter() ? " ≥ " : " ≤ ") + Component.format(value);
  }
}
