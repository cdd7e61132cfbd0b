package org.optbench.spec;

/**
 * The seeds one run draws its random numbers from, each derived from the run's seed and the
 * purpose it serves, so that the streams are independent of each other and the same for every
 * cell of a grid (benchopt's {@code get_seed(use_solver=False, ...)} derives seeds per axis in the
 * same spirit). Optimizer, clipping and schedule never enter: two cells with the same seed start
 * from the same weights and see the same batches, which makes their per-seed differences paired.
 *
 * @param data the dataset draw (synthetic data); see {@link DataSeed}
 * @param init the initial weights
 * @param order the batch order (and, for online objectives, their stochastic terms)
 * @param sampling dropout masks and the end-of-run text sample
 */
public record RunSeeds(long data, long init, long order, long sampling) {

  private static final long DATA = 0x44415441L; // "DATA"
  private static final long INIT = 0x494E4954L; // "INIT"
  private static final long ORDER = 0x4F524452L; // "ORDR"
  private static final long SAMPLING = 0x53414D50L; // "SAMP"

  /** The seeds of a run with seed {@code seed} under the data policy {@code dataSeed}. */
  public static RunSeeds of(long seed, DataSeed dataSeed) {
    return new RunSeeds(
        derive(dataSeed.forRun(seed), DATA),
        derive(seed, INIT),
        derive(seed, ORDER),
        derive(seed, SAMPLING));
  }

  /**
   * SplitMix64's output function (Steele, Lea & Flood 2014) applied to the seed and a purpose tag:
   * nearby seeds give unrelated streams. The sign bit is cleared so that derived seeds print as
   * the non-negative numbers users expect in runs.csv.
   */
  static long derive(long seed, long purpose) {
    long z = seed * 0x9E3779B97F4A7C15L + purpose;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (z ^ (z >>> 31)) & Long.MAX_VALUE;
  }
}
