package org.optbench.spec;

import org.optbench.tune.Sampler;

/**
 * The tuning protocol of a spec ({@code tuning:}): one budget for every tuned optimizer, so that a
 * comparison never depends on how many settings an author happened to try for each.
 *
 * @param sampler how trial points are drawn from each search space
 * @param trials trials per study
 * @param studies independent studies (AlgoPerf's external-tuning ruleset runs 3)
 * @param seed study {@code k} draws its points with sampler seed {@code seed + k} and trains its
 *     trials with run seed {@code seed + k}; kept apart from the spec's {@code seeds}, on which the
 *     selected setting is rerun
 * @param select the runs.csv value each study selects its best trial by
 * @param time what time-to-target counts: {@code steps} (repeatable on any machine) or {@code
 *     seconds} (training wall time, evaluation and warm-up excluded, as AlgoPerf times)
 * @param rMax the largest performance ratio the benchmark score integrates to
 * @param baseline the tuned optimizer speed-ups are measured against; empty for none
 * @param target the target of workloads that do not set their own; null for none
 */
public record TuningSettings(
    Sampler sampler,
    int trials,
    int studies,
    long seed,
    SelectMetric select,
    TimeUnit time,
    double rMax,
    String baseline,
    Target target) {

  /** What time-to-target counts. */
  public enum TimeUnit {
    STEPS,
    SECONDS;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The run seed of study {@code study}'s trials (and the seed of its sampler). */
  public long studySeed(int study) {
    return seed + study;
  }
}
