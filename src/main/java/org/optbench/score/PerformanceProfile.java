package org.optbench.score;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * Performance profiles (Dolan &amp; Moré 2002) of several optimizers over a set of workloads, and
 * the AlgoPerf benchmark score that integrates them (Dahl et al. 2023).
 *
 * <p>With t[w][s] the time to target of optimizer s on workload w (+∞: never reached):
 *
 * <pre>
 *   r[w][s] = t[w][s] / min_s' t[w][s']                   performance ratio, ≥ 1
 *   ρ_s(τ)  = (1/|W|) · #{ w : r[w][s] ≤ τ }              share of workloads within a factor τ
 *   B_s     = 1/(r_max − 1) · ∫_1^{r_max} ρ_s(τ) dτ       benchmark score, in [0, 1]
 * </pre>
 *
 * A workload that no optimizer solves has r = +∞ for all of them: it counts in |W| and lowers
 * every score alike, so a benchmark with unsolvable workloads cannot hide them. An optimizer that
 * needs more than r_max times the fastest time gets no credit on that workload, the same as
 * one that never reached the target.
 *
 * <p>The integral is computed exactly. ρ_s is a step function that jumps by 1/|W| at each r[w][s],
 * so
 *
 * <pre>
 *   ∫_1^{r_max} ρ_s(τ) dτ = (1/|W|) · Σ_{w : r[w][s] ≤ r_max} (r_max − r[w][s]).
 * </pre>
 *
 * <p>AlgoPerf's scoring code (scoring/score_submissions.py with performance_profile.py) instead
 * samples ρ at 100 evenly spaced τ in [1, 4] and integrates with the trapezoidal rule
 * ({@link #gridScore}). On a step function that replaces each ratio r in (g_{k−1}, g_k] of the grid
 * by the midpoint of that cell, so a workload's credit changes by at most half a grid step
 * (r_max − 1)/(2·99), and B by at most 1/(2·99) ≈ 0.0051 in all — most when ratios fall on grid
 * points (a ratio of exactly 4 earns 1/198 per workload on the grid, nothing exactly). AlgoPerf
 * also sets times above 4× the fastest to +∞ before dividing; that changes the plot, not the
 * score, since such ratios lie beyond the integration range either way.
 */
public final class PerformanceProfile {

  /** AlgoPerf's upper integration limit: more than 4× the fastest time earns nothing. */
  public static final double DEFAULT_R_MAX = 4.0;
  /** How many τ AlgoPerf's scoring code samples ρ at. */
  public static final int ALGOPERF_GRID_POINTS = 100;

  /** r[w][s]. */
  private final double[][] ratios;
  private final int optimizers;

  private PerformanceProfile(double[][] ratios, int optimizers) {
    this.ratios = ratios;
    this.optimizers = optimizers;
  }

  /**
   * The profile of the times {@code times[w][s]}: one row per workload, one column per optimizer,
   * each ≥ 0 or +∞.
   */
  public static PerformanceProfile of(double[][] times) {
    if (times.length == 0 || times[0].length == 0) {
      throw new IllegalArgumentException("a performance profile needs at least one workload and one optimizer");
    }
    int optimizers = times[0].length;
    double[][] ratios = new double[times.length][optimizers];
    for (int w = 0; w < times.length; w++) {
      if (times[w].length != optimizers) {
        throw new IllegalArgumentException("workload " + w + " has " + times[w].length
            + " times, workload 0 has " + optimizers);
      }
      double best = Double.POSITIVE_INFINITY;
      for (double t : times[w]) {
        if (!(t >= 0)) {
          throw new IllegalArgumentException("workload " + w + ": a time to target must be ≥ 0 or +∞, got " + t);
        }
        best = Math.min(best, t);
      }
      for (int s = 0; s < optimizers; s++) {
        double t = times[w][s];
        // The fastest gets exactly 1, also when its time is 0 (0/0) — and when nobody reached the
        // target it must get +∞, not ∞/∞ = NaN.
        ratios[w][s] = best == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY
            : t == best ? 1.0 : t / best;
      }
    }
    return new PerformanceProfile(ratios, optimizers);
  }

  public int workloads() {
    return ratios.length;
  }

  public int optimizers() {
    return optimizers;
  }

  /** r[w][s]: ≥ 1, +∞ when s never reached the target on w (or nobody did). */
  public double ratio(int workload, int optimizer) {
    return ratios[workload][optimizer];
  }

  /** ρ_s(τ): the share of workloads on which s was within a factor τ of the fastest. */
  public double rho(int optimizer, double tau) {
    int within = 0;
    for (double[] r : ratios) {
      within += r[optimizer] <= tau ? 1 : 0;
    }
    return (double) within / ratios.length;
  }

  /** B_s with r_max = {@link #DEFAULT_R_MAX}. */
  public double score(int optimizer) {
    return score(optimizer, DEFAULT_R_MAX);
  }

  /** B_s = 1/(r_max − 1) ∫_1^{r_max} ρ_s(τ) dτ, computed exactly. */
  public double score(int optimizer, double rMax) {
    checkRMax(rMax);
    double area = 0;
    for (double[] r : ratios) {
      if (r[optimizer] <= rMax) {
        area += rMax - r[optimizer];
      }
    }
    return area / ratios.length / (rMax - 1);
  }

  /** B_s of every optimizer, in column order, with r_max = {@link #DEFAULT_R_MAX}. */
  public double[] scores() {
    double[] b = new double[optimizers];
    for (int s = 0; s < optimizers; s++) {
      b[s] = score(s);
    }
    return b;
  }

  /**
   * B_s as AlgoPerf's scoring code computes it: ρ_s sampled at {@code points} evenly spaced τ from
   * 1 to r_max (numpy.linspace), integrated with the trapezoidal rule and divided by r_max − 1.
   * For comparison with published AlgoPerf numbers; {@link #score(int, double)} is the exact value.
   */
  public double gridScore(int optimizer, double rMax, int points) {
    checkRMax(rMax);
    if (points < 2) {
      throw new IllegalArgumentException("a trapezoidal grid needs at least 2 points, got " + points);
    }
    double step = (rMax - 1) / (points - 1);
    double area = 0;
    double previous = rho(optimizer, 1.0);
    for (int k = 1; k < points; k++) {
      // As numpy.linspace: start + k·step, with the last point exactly the stop value.
      double tau = k == points - 1 ? rMax : 1 + k * step;
      double current = rho(optimizer, tau);
      area += step * (previous + current) / 2;
      previous = current;
    }
    return area / (rMax - 1);
  }

  /** The step points of ρ_s on [1, r_max], for plotting. */
  public ProfileSteps steps(int optimizer, double rMax) {
    checkRMax(rMax);
    // Jumps of ρ: how many workloads have each distinct ratio in (1, r_max].
    TreeMap<Double, Integer> jumps = new TreeMap<>();
    int atOne = 0;
    for (double[] r : ratios) {
      double x = r[optimizer];
      if (x <= 1) {
        atOne++;
      } else if (x <= rMax) {
        jumps.merge(x, 1, Integer::sum);
      }
    }
    int size = 1 + jumps.size() + (jumps.isEmpty() || jumps.lastKey() < rMax ? 1 : 0);
    double[] tau = new double[size];
    double[] rho = new double[size];
    int n = ratios.length;
    int within = atOne;
    tau[0] = 1;
    rho[0] = (double) within / n;
    int k = 1;
    for (var jump : jumps.entrySet()) {
      within += jump.getValue();
      tau[k] = jump.getKey();
      rho[k] = (double) within / n;
      k++;
    }
    if (k < size) {
      tau[k] = rMax;
      rho[k] = (double) within / n;
    }
    return new ProfileSteps(tau, rho);
  }

  private static void checkRMax(double rMax) {
    if (!(rMax > 1 && rMax < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("r_max must be finite and > 1, got " + rMax);
    }
  }

  @Override
  public String toString() {
    return "PerformanceProfile" + Arrays.deepToString(ratios);
  }
}
