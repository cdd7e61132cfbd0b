package org.optbench.score;

/**
 * Which way a metric improves: a loss or error rate goes down, an accuracy goes up.
 *
 * <p>A NaN (a diverged run, or a metric that could not be computed) is never "reached" and is
 * worse than every finite number, so that a run that broke can never look like a winner. It ties
 * with the worst infinity (a loss of +∞, an accuracy of −∞), which says the same thing.
 */
public enum Direction {
  /** Loss, error rate, perplexity: smaller is better; a target is reached when value ≤ target. */
  LOWER_IS_BETTER,
  /** Accuracy, BLEU, SSIM: larger is better; a target is reached when value ≥ target. */
  HIGHER_IS_BETTER;

  /**
   * Whether {@code value} meets {@code target}: {@code value ≤ target} for {@link
   * #LOWER_IS_BETTER}, {@code value ≥ target} for {@link #HIGHER_IS_BETTER}. Equality counts as
   * reached, as in AlgoPerf's scoring code (operator.le / operator.ge). NaN never reaches.
   */
  public boolean reached(double value, double target) {
    return this == LOWER_IS_BETTER ? value <= target : value >= target;
  }

  /**
   * Whether {@code a} is strictly better than {@code b}; NaN is worse than every finite number and
   * as bad as the worst infinity.
   */
  public boolean better(double a, double b) {
    return goodness(a) > goodness(b);
  }

  /**
   * The value on a scale where larger is always better: {@code value} itself when higher is
   * better, {@code −value} when lower is better, and −∞ for NaN. Comparing goodness puts both
   * directions (and diverged runs) through one ordering.
   */
  public double goodness(double value) {
    if (Double.isNaN(value)) {
      return Double.NEGATIVE_INFINITY;
    }
    return this == HIGHER_IS_BETTER ? value : -value;
  }

  /** The worst possible value: +∞ when lower is better, −∞ when higher is better. */
  public double worst() {
    return this == LOWER_IS_BETTER ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
  }
}
