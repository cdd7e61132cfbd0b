package org.optbench.benchmark;

import org.optbench.score.Reach;
import org.optbench.spec.Trial;

/**
 * One run of a tuned optimizer, with what scores need of it.
 *
 * @param runId the run
 * @param workload the workload's label
 * @param solver the tuned optimizer (runs.csv {@code solver})
 * @param role trial or final
 * @param study its study
 * @param trial its trial (for a final run: the trial it reruns)
 * @param seed its seed
 * @param optimizerConfig the optimizer's full setting (runs.csv {@code optimizer_config})
 * @param selectValue its value of the protocol's select metric; NaN when it diverged
 * @param finalValue its last held-out value of the target metric; NaN when it diverged
 * @param reach when it first reached the workload's target ({@link Reach#NEVER} if never, or if
 *     the workload has no target)
 */
public record RunReach(
    String runId,
    String workload,
    String solver,
    Trial.Role role,
    int study,
    int trial,
    long seed,
    String optimizerConfig,
    double selectValue,
    double finalValue,
    Reach reach) {}
