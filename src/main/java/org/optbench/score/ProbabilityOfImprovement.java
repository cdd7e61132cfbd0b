package org.optbench.score;

import java.util.ArrayList;
import java.util.List;
import org.optbench.stats.Bootstrap;
import org.optbench.stats.Estimate;
import org.optbench.stats.Pairing;

/**
 * The probability of improvement of optimizer X over optimizer Y (Agarwal et al. 2021, rliable):
 * on one task, the probability that a random run of X is better than a random run of Y, ties
 * counted one half,
 *
 * <pre>
 *   P(X ≻ Y) = (1/(n·m)) · Σ_i Σ_j ( [x_i ≻ y_j] + ½·[x_i = y_j] ) = U / (n·m),
 * </pre>
 *
 * with U the Mann–Whitney statistic of X (scipy.stats.mannwhitneyu's for higher-is-better). Over
 * several tasks it is the mean of the per-task probabilities, so every task weighs the same
 * whatever its run count. Unlike a difference of means it does not care about scale, which
 * differs between workloads, nor about how much better a run is — only how often.
 *
 * <p>A NaN run (diverged) is worse than every finite number and ties with another NaN run (and
 * with the worst infinity), as in {@link Direction#better}.
 *
 * <p>The interval is rliable's stratified bootstrap for two independent groups: on every resample
 * each task's runs of X and, separately, of Y are redrawn with replacement within themselves.
 * That is {@link Bootstrap#stratified} over 2T samples (X's T tasks, then Y's), with its fixed
 * seed.
 */
public final class ProbabilityOfImprovement {

  /** The statistic's name in an {@link Estimate}. */
  public static final String STATISTIC = "probability of improvement";

  private ProbabilityOfImprovement() {}

  /**
   * The Mann–Whitney U of {@code x} against {@code y} in the "better" sense: how many pairs
   * (x_i, y_j) have x_i better, plus half the tied pairs.
   */
  public static double u(double[] x, double[] y, Direction direction) {
    double u = 0;
    for (double a : x) {
      double ga = direction.goodness(a);
      for (double b : y) {
        double gb = direction.goodness(b);
        u += ga > gb ? 1 : ga == gb ? 0.5 : 0;
      }
    }
    return u;
  }

  /** P(X ≻ Y) on one task: U / (n·m). */
  public static double task(double[] x, double[] y, Direction direction) {
    if (x.length == 0 || y.length == 0) {
      throw new IllegalArgumentException("each side needs at least one run: " + x.length + " vs " + y.length);
    }
    return u(x, y, direction) / ((double) x.length * y.length);
  }

  /**
   * The mean over tasks of P(X ≻ Y).
   *
   * @param x per task, the runs of X
   * @param y per task (same order), the runs of Y
   */
  public static double mean(List<double[]> x, List<double[]> y, Direction direction) {
    checkTasks(x, y);
    double sum = 0;
    for (int t = 0; t < x.size(); t++) {
      sum += task(x.get(t), y.get(t), direction);
    }
    return sum / x.size();
  }

  /**
   * The mean over tasks with its stratified percentile-bootstrap interval. The estimate is
   * unpaired and its n is the smaller of the two groups' run counts.
   */
  public static Estimate estimate(
      List<double[]> x, List<double[]> y, Direction direction, double level, int resamples) {
    checkTasks(x, y);
    int tasks = x.size();
    List<double[]> both = new ArrayList<>(x);
    both.addAll(y);
    Estimate e = Bootstrap.stratified(STATISTIC, both,
        samples -> mean(samples.subList(0, tasks), samples.subList(tasks, 2 * tasks), direction),
        level, resamples);
    int runsX = x.stream().mapToInt(a -> a.length).sum();
    int runsY = y.stream().mapToInt(a -> a.length).sum();
    return new Estimate(STATISTIC, e.value(), e.interval(), Math.min(runsX, runsY),
        Pairing.UNPAIRED, Double.NaN);
  }

  /** {@link #estimate} at 95% with {@link Bootstrap#DEFAULT_RESAMPLES}. */
  public static Estimate estimate(List<double[]> x, List<double[]> y, Direction direction) {
    return estimate(x, y, direction, 0.95, Bootstrap.DEFAULT_RESAMPLES);
  }

  private static void checkTasks(List<double[]> x, List<double[]> y) {
    if (x.size() != y.size() || x.isEmpty()) {
      throw new IllegalArgumentException("the same tasks, at least one, for both: " + x.size()
          + " vs " + y.size());
    }
  }
}
