package org.optbench.tune;

/** How {@link Trials#sample} picks the trials of a search. */
public enum Sampler {

  /**
   * AlgoPerf's quasi-random search: trial t takes the t-th point of the scrambled Halton sequence
   * ({@link Halton#sequence(int, int, long)}), dimension k its k-th coordinate. Covers the space
   * more evenly than independent draws; the seed (0 to 2^32 − 1) only orders the trials.
   */
  QUASI_RANDOM,

  /**
   * Independent uniform draws from {@link java.util.SplittableRandom}(seed), trial by trial and,
   * within a trial, dimension by dimension in the space's order.
   */
  RANDOM,

  /**
   * Every combination of the dimensions' {@link Dimension#grid} values, the first dimension
   * varying slowest. Needs points on every range, and as many trials as the grid has points
   * ({@link Trials#gridSize}); the seed is not used.
   */
  GRID
}
