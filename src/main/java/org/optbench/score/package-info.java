/**
 * Scoring math for comparing optimizers across workloads: how long each run took to reach a
 * target, how an optimizer's tuning trials and studies combine into one time per workload, and
 * how those times and per-run scores combine across workloads into rankings. Pure functions of
 * numbers; reading result files and printing reports happen elsewhere.
 *
 * <ul>
 *   <li>Time to target: {@link TimeToTarget} finds the first evaluation that reaches a target
 *       ({@link Direction}) and returns a {@link Reach}, on steps or seconds ({@link TimeAxis}).
 *   <li>One time per optimizer and workload: {@link ExternalTuningTime}, the median over studies of
 *       each study's fastest trial, as in AlgoPerf's external-tuning ruleset.
 *   <li>Across workloads: {@link PerformanceProfile} (ρ(τ), its {@link ProfileSteps} for plots and
 *       the AlgoPerf benchmark score, the integral of ρ up to r_max = 4, computed exactly) and
 *       {@link SpeedUp} (geometric mean of time ratios against a baseline, with the workloads it
 *       leaves out counted).
 *   <li>Tuning budget: {@link ExpectedBest}, the expected best of k random trials.
 *   <li>Per-run scores across seeds and workloads: {@link ProbabilityOfImprovement} and the
 *       interquartile mean ({@link Aggregates}) of {@link Normalisation normalised} scores, with
 *       rliable's stratified bootstrap intervals from {@code org.optbench.stats}.
 * </ul>
 *
 * <p>Times to target are +∞ when the target was never reached, and every function here takes
 * +∞ at face value (slower than anything), so "never" needs no flag beside the number. A NaN
 * metric value (a diverged run) never reaches a target and is worse than every finite number.
 *
 * <p>References: E. D. Dolan and J. J. Moré (2002), "Benchmarking optimization software with
 * performance profiles", Mathematical Programming 91(2); G. E. Dahl et al. (2023), "Benchmarking
 * Neural Network Training Algorithms" (MLCommons AlgoPerf), arXiv:2306.07179, and its rules and
 * scoring code; J. Dodge et al. (2019), "Show Your Work: Improved Reporting of Experimental
 * Results", EMNLP; R. Agarwal et al. (2021), "Deep Reinforcement Learning at the Edge of the
 * Statistical Precipice", NeurIPS (rliable). Test vectors for the Mann–Whitney statistic and
 * AlgoPerf's grid integral come from scipy and numpy ({@code tools/golden/score.py}).
 */
package org.optbench.score;
