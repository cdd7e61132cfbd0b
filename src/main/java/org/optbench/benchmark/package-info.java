/**
 * A tuned benchmark's results, scored: each workload's target, every run's time to it, the
 * external-tuning time of each optimizer on each workload (AlgoPerf), performance profiles and the
 * benchmark score over workloads (Dolan &amp; Moré 2002; Dahl et al. 2023), speed-ups against a
 * baseline, rliable aggregates over workloads × seeds (Agarwal et al. 2021), hyperparameter
 * sensitivity (DeepOBS) and expected best-of-k tuning curves (Dodge et al. 2019). Computed from a
 * result set alone, so that {@code report}, {@code score} and a merge of shards agree; the math is
 * in {@link org.optbench.score}.
 */
package org.optbench.benchmark;
