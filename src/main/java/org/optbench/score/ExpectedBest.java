package org.optbench.score;

import java.util.Arrays;

/**
 * Expected validation performance (Dodge et al. 2019, "Show Your Work"): the expected best score
 * among k hyperparameter trials drawn at random, with replacement, from the n trials that were
 * run. Plotted against k it shows how an optimizer's result depends on the tuning budget, which a
 * single "best of n" hides.
 *
 * <p>With the scores sorted from worst to best, v_(1) ≼ … ≼ v_(n), the best of k draws is v_(i)
 * or worse with probability (i/n)^k, so
 *
 * <pre>
 *   E[best of k] = Σ_i v_(i) · [ (i/n)^k − ((i−1)/n)^k ].
 * </pre>
 *
 * For higher-is-better scores "best" is the maximum; for lower-is-better scores the order is
 * mirrored and it is the minimum. Tied scores need no care: their terms telescope to v·[P(V ≤ v)^k −
 * P(V &lt; v)^k], Dodge et al.'s formula with the empirical distribution.
 *
 * <p>A diverged trial (NaN) counts as the worst possible value: −∞ when higher is better, +∞ when
 * lower is better. Because all k draws are diverged trials with probability (m/n)^k &gt; 0 for m
 * diverged trials, the expectation is then infinite for every k — that is the honest answer to
 * "what do I expect from k random trials" when some trials blow up. A caller who wants a finite
 * curve must replace divergence by a finite penalty (e.g. the metric at initialisation) first.
 * Infinite scores are taken as they are; with both a best-possible and a worst-possible infinity
 * among the scores the expectation is undefined (NaN).
 */
public final class ExpectedBest {

  private ExpectedBest() {}

  /**
   * E[best of k] for k = 1 … n: element k − 1 is the expected best of k draws. Starts at the mean
   * score (k = 1) and approaches the best score as k grows.
   */
  public static double[] curve(double[] scores, Direction direction) {
    double[] sorted = sortedGoodness(scores, direction);
    double[] curve = new double[sorted.length];
    for (int k = 1; k <= sorted.length; k++) {
      curve[k - 1] = fromGoodness(expectedMax(sorted, k), direction);
    }
    return curve;
  }

  /** E[best of k] for any k ≥ 1 (k may exceed n: the draws are with replacement). */
  public static double of(double[] scores, int k, Direction direction) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be ≥ 1, got " + k);
    }
    return fromGoodness(expectedMax(sortedGoodness(scores, direction), k), direction);
  }

  /** The scores on a larger-is-better scale (NaN → −∞), sorted ascending: worst first. */
  private static double[] sortedGoodness(double[] scores, Direction direction) {
    if (scores.length == 0) {
      throw new IllegalArgumentException("no trials");
    }
    double[] g = new double[scores.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = direction.goodness(scores[i]);
    }
    Arrays.sort(g);
    return g;
  }

  private static double expectedMax(double[] sorted, int k) {
    int n = sorted.length;
    // Every weight is > 0, so an infinite score makes the sum infinite. Decided here rather than
    // by the sum, because (1/n)^k underflows to 0 for large k and ∞·0 would give NaN.
    boolean worstInfinite = sorted[0] == Double.NEGATIVE_INFINITY;
    boolean bestInfinite = sorted[n - 1] == Double.POSITIVE_INFINITY;
    if (worstInfinite || bestInfinite) {
      return worstInfinite && bestInfinite ? Double.NaN
          : worstInfinite ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    double sum = 0;
    double below = 0; // ((i − 1)/n)^k
    for (int i = 1; i <= n; i++) {
      double atOrBelow = Math.pow((double) i / n, k);
      sum += sorted[i - 1] * (atOrBelow - below);
      below = atOrBelow;
    }
    return sum;
  }

  private static double fromGoodness(double g, Direction direction) {
    return direction == Direction.HIGHER_IS_BETTER ? g : -g;
  }
}
