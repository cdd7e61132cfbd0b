package org.optbench.benchmark;

import org.optbench.spec.TargetMetric;

/**
 * A workload's target as scored.
 *
 * @param workload the workload's label
 * @param metric the held-out metric
 * @param value the target; NaN when it could not be set (a derived target without reference runs)
 * @param how where it came from, e.g. {@code given in the spec} or {@code median over adam's 3
 *     final runs of their best eval_loss}
 */
public record WorkloadTarget(String workload, TargetMetric metric, double value, String how) {

  public boolean defined() {
    return Double.isFinite(value);
  }
}
