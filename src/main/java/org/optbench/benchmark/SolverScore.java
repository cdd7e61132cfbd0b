package org.optbench.benchmark;

import org.optbench.score.SpeedUp;
import org.optbench.stats.Estimate;

/**
 * One tuned optimizer's scores over the benchmark's workloads.
 *
 * @param solver the tuned optimizer
 * @param score the AlgoPerf benchmark score: the normalised integral of its performance profile
 *     over τ ∈ [1, r_max], in [0, 1]
 * @param fastestOn how many workloads it reached the target fastest on (ρ(1) × workloads)
 * @param speedUp its speed-up over the baseline (geometric mean of time ratios); null for the
 *     baseline itself or when there is none
 * @param iqm the interquartile mean over workloads × seeds of its final runs' progress to the
 *     target, with a stratified-bootstrap 95% interval; null without final runs
 * @param improvement the probability that a final run of it ends closer to the target than one of
 *     the baseline on the same workload (mean over workloads, stratified-bootstrap 95% interval);
 *     null for the baseline itself or when there is none
 */
public record SolverScore(
    String solver,
    double score,
    int fastestOn,
    SpeedUp speedUp,
    Estimate iqm,
    Estimate improvement) {}
