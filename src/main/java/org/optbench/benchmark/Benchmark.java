package org.optbench.benchmark;

import java.util.List;
import org.optbench.score.PerformanceProfile;
import org.optbench.score.TimeAxis;
import org.optbench.spec.SelectMetric;

/**
 * A tuned benchmark, scored from its result set.
 *
 * @param experiment the experiment
 * @param workloads the scored workloads, in grid order (those with a defined target)
 * @param untargeted workloads left out of the scores, each with the reason
 * @param solvers the tuned optimizers, in spec order
 * @param targets each scored workload's target, in the order of {@code workloads}
 * @param axis what times count (steps or seconds)
 * @param times external-tuning time of each solver on each workload: the median over studies of
 *     the fastest trial's time to target (+∞ when never reached), {@code times[w][s]}
 * @param profile the performance profile of {@code times}
 * @param rMax the largest ratio the score integrates to
 * @param baseline the solver speed-ups are measured against; empty for none
 * @param scores one per solver, in the order of {@code solvers}
 * @param runs every trial and final run of a tuned optimizer
 * @param select what studies selected their trial by
 * @param tuned the tuned hyperparameters of each solver, in the order of {@code solvers}
 */
public record Benchmark(
    String experiment,
    List<String> workloads,
    List<String> untargeted,
    List<String> solvers,
    List<WorkloadTarget> targets,
    TimeAxis axis,
    double[][] times,
    PerformanceProfile profile,
    double rMax,
    String baseline,
    List<SolverScore> scores,
    List<RunReach> runs,
    SelectMetric select,
    List<List<String>> tuned) {

  /** The runs of {@code solver} on {@code workload} with {@code role}. */
  public List<RunReach> runs(String workload, String solver, org.optbench.spec.Trial.Role role) {
    return runs.stream()
        .filter(r -> r.workload().equals(workload) && r.solver().equals(solver)
            && r.role() == role)
        .toList();
  }
}
