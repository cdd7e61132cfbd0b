package org.optbench.tune;

import java.util.ArrayList;
import java.util.List;

/**
 * The scrambled Halton sequence of MLCommons AlgoPerf ({@code algoperf/halton.py}), reproduced
 * exactly: for a seed s, {@link #sequence(int, int, long)} returns the points that AlgoPerf's
 * {@code generate_sequence(samples, dims)} returns after {@code numpy.random.seed(s)}.
 *
 * <p>The construction (Halton 1960, scrambled as in AlgoPerf after Bousquet et al. 2017,
 * arXiv:1706.03200):
 *
 * <ul>
 *   <li>Dimension d of a D-dimensional sequence has a prime base: the odd primes below 1000 (below
 *       2000, 3000, … when D needs more), of which the D just below the largest, ascending. One
 *       dimension uses 991; four use 971, 977, 983, 991. Large bases keep the first points of
 *       different dimensions from lining up.
 *   <li>Each base b has a fixed random permutation of the digits 1..b−1 (0 stays 0) and a random
 *       shift in [0, 1), both drawn from {@code RandomState(b)}: they depend on the base, not on
 *       the seed.
 *   <li>Point i (1-based) of dimension d is the digit-permuted radical inverse of i plus the
 *       shift, mod 1. The first {@code skip} points (default {@value #DEFAULT_SKIP}) are dropped.
 *   <li>The seed only orders the points: the rows are shuffled with {@code RandomState(seed)}.
 *       (AlgoPerf shuffles with numpy's global state; seeding it first makes the call
 *       reproducible, which is what the seed here stands for.)
 * </ul>
 */
public final class Halton {

  /** AlgoPerf's default number of leading points dropped. */
  public static final int DEFAULT_SKIP = 100;

  private Halton() {}

  /**
   * {@code samples} points of a {@code dims}-dimensional scrambled Halton sequence, skipping
   * the first {@value #DEFAULT_SKIP}.
   *
   * @param samples number of points, at least 0
   * @param dims dimensions per point, at least 1
   * @param seed orders the points; numpy's seed range, 0 to 2^32 − 1
   * @return {@code double[samples][dims]}, every value in [0, 1)
   */
  public static double[][] sequence(int samples, int dims, long seed) {
    return sequence(samples, dims, DEFAULT_SKIP, seed);
  }

  /**
   * As {@link #sequence(int, int, long)}, dropping the first {@code skip} points instead.
   *
   * @param skip leading points dropped, at least 0
   */
  public static double[][] sequence(int samples, int dims, int skip, long seed) {
    if (samples < 0) {
      throw new IllegalArgumentException("samples must be at least 0 (got " + samples + ")");
    }
    if (dims < 1) {
      throw new IllegalArgumentException("dims must be at least 1 (got " + dims + ")");
    }
    if (skip < 0) {
      throw new IllegalArgumentException("skip must be at least 0 (got " + skip + ")");
    }
    LegacyRandomState order = new LegacyRandomState(seed);
    int[] bases = bases(dims);
    double[][] points = new double[samples][dims];
    for (int d = 0; d < dims; d++) {
      int base = bases[d];
      LegacyRandomState rng = new LegacyRandomState(base);
      int[] digits = digitPermutation(base, rng);
      double shift = rng.nextDouble();
      for (int s = 0; s < samples; s++) {
        long index = (long) skip + s + 1;
        // Java's % on doubles is exact and truncating, like C's fmod.
        points[s][d] = (RadicalInverse.scrambled(index, base, digits) + shift) % 1.0;
      }
    }
    order.shuffle(points);
    return points;
  }

  /**
   * Which point of the unshuffled sequence each row of {@link #sequence(int, int, long)} is:
   * row r holds point {@code order(samples, seed)[r]} (0 = the first point after the skip). The
   * unshuffled points of a longer sequence extend those of a shorter one, so this index names a
   * point independently of how many were drawn: a budget raised from 6 to 8 trials keeps the
   * first six points and adds two.
   */
  public static int[] order(int samples, long seed) {
    int[] index = new int[samples];
    for (int i = 0; i < samples; i++) {
      index[i] = i;
    }
    // The same draws as the rows' shuffle in sequence(): the state starts fresh from the seed.
    new LegacyRandomState(seed).shuffle(index);
    return index;
  }

  /** The prime base of each dimension, in dimension order. */
  static int[] bases(int dims) {
    for (int limit = 1000; ; limit += 1000) {
      List<Integer> primes = oddPrimesBelow(limit);
      if (primes.size() >= dims + 1) {
        // The largest prime is left out, as in AlgoPerf.
        List<Integer> chosen = primes.subList(primes.size() - dims - 1, primes.size() - 1);
        return chosen.stream().mapToInt(Integer::intValue).toArray();
      }
    }
  }

  /** 0 followed by 1..base−1 in the order {@code rng} shuffles them. */
  private static int[] digitPermutation(int base, LegacyRandomState rng) {
    int[] nonZero = new int[base - 1];
    for (int k = 0; k < nonZero.length; k++) {
      nonZero[k] = k + 1;
    }
    rng.shuffle(nonZero);
    int[] digits = new int[base];
    System.arraycopy(nonZero, 0, digits, 1, nonZero.length);
    return digits;
  }

  private static List<Integer> oddPrimesBelow(int limit) {
    boolean[] composite = new boolean[limit];
    List<Integer> primes = new ArrayList<>();
    for (int n = 3; n < limit; n += 2) {
      if (!composite[n]) {
        primes.add(n);
        for (long m = (long) n * n; m < limit; m += 2L * n) {
          composite[(int) m] = true;
        }
      }
    }
    return primes;
  }
}
