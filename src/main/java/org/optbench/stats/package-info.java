/**
 * The statistics optbench reports, in one place, so that the console, the report, the exported
 * tables, claims and compare all say the same thing about the same runs.
 *
 * <p>The summary over seeds is the <b>mean with a 95% Student-t interval</b> ({@link
 * SeedStatistics#mean}). Two cells that share seeds are compared through their <b>paired
 * per-seed differences</b> (mean difference, Student-t interval: {@link
 * SeedStatistics#pairedDifference}); cells without common seeds through Welch's interval ({@link
 * SeedStatistics#welchDifference}), and the estimate says it is unpaired. Equivalence ("within a
 * margin") is two one-sided tests: the 90% interval inside ±margin ({@link Equivalence}).
 *
 * <p>Why t-intervals rather than the bootstrap for seeds: with the 3–10 seeds of a typical grid,
 * a percentile bootstrap of a mean or median under-covers badly (with 3 values its "95%" interval
 * is about the min–max range), while the t-interval's coverage is close to nominal for roughly
 * normal per-seed values. The bootstrap ({@link Bootstrap}, BCa with a fixed seed, stratified by
 * task as in rliable) serves aggregates pooled over many runs, such as the interquartile mean
 * ({@link RobustMeans#iqm}).
 *
 * <p>References: Student (1908); Welch (1947); Schuirmann (1987) for two one-sided tests; Efron
 * (1987) for BCa; Agarwal et al. (2021), "Deep RL at the edge of the statistical precipice"
 * (rliable) for the IQM and the stratified bootstrap. Test vectors come from scipy.stats
 * ({@code tools/golden/stats.py}).
 */
package org.optbench.stats;
