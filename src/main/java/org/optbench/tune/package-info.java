/**
 * Search spaces for hyperparameter tuning and the ways of drawing trials from them.
 *
 * <p>A {@link org.optbench.tune.SearchSpace} lists {@link org.optbench.tune.Dimension}s in the
 * user's order: log ranges (learning rates, weight decay), linear ranges (momentum), integer
 * ranges and choices. {@link org.optbench.tune.Trials#sample} turns it into one setting per
 * trial, by one of three {@link org.optbench.tune.Sampler}s: quasi-random, random or grid.
 *
 * <p>Quasi-random search is the one MLCommons AlgoPerf uses for its external-tuning ruleset
 * ({@code algoperf/halton.py}), after Bousquet et al. (2017), "Critical hyper-parameters: no
 * random, no cry" (arXiv:1706.03200): the trials are the points of a scrambled Halton sequence
 * (Halton 1960), which fill the space more evenly than independent draws, so a small budget of
 * trials still covers every range. {@link org.optbench.tune.Halton} reproduces AlgoPerf's points
 * exactly, including the numpy random draws that scramble them ({@code LegacyRandomState}:
 * MT19937, Matsumoto &amp; Nishimura 1998), and each dimension maps a point to a value with
 * AlgoPerf's formulas, so a search space run here and in AlgoPerf with the same seed tries the
 * same settings. Test vectors come from {@code tools/golden/halton.py}, checked against AlgoPerf.
 */
package org.optbench.tune;
