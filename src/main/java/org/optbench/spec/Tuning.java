package org.optbench.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a spec says about tuning: the protocol, the tuned optimizer entries and the
 * workloads' targets. A spec without {@code tuning:} and {@code tune:} has {@link #NONE}.
 *
 * @param settings the protocol; null when nothing is tuned
 * @param optimizers the tuned optimizer entries, in spec order
 * @param targets each workload's own target ({@code target:} in its entry)
 */
public record Tuning(
    TuningSettings settings, List<TunedOptimizer> optimizers, Map<Component, Target> targets) {

  public static final Tuning NONE = new Tuning(null, List.of(), Map.of());

  public Tuning {
    optimizers = List.copyOf(optimizers);
    targets = Map.copyOf(targets);
  }

  public boolean active() {
    return settings != null && !optimizers.isEmpty();
  }

  /** The workload's target: its own, else the protocol's default, else none. */
  public Optional<Target> target(Component workload) {
    Target own = targets.get(workload);
    if (own != null) {
      return Optional.of(own);
    }
    return settings == null ? Optional.empty() : Optional.ofNullable(settings.target());
  }
}
