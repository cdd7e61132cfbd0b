package org.optbench.stats;

/**
 * Equivalence by two one-sided tests (Schuirmann 1987): a difference is shown to lie within
 * ±margin at level α when its (1 − 2α) interval lies inside [−margin, margin] — the 90% interval
 * for tests at 5%. It is shown to lie outside when the interval lies entirely beyond one side.
 */
public final class Equivalence {

  /** The level of the interval two one-sided tests at 5% use. */
  public static final double TOST_LEVEL = 0.90;

  /** What the interval shows about |difference| ≤ margin. */
  public enum Decision {
    EQUIVALENT,
    NOT_EQUIVALENT,
    UNDECIDED
  }

  private Equivalence() {}

  /**
   * @param difference an estimate whose interval has level {@link #TOST_LEVEL}
   * @param margin the largest difference that counts as "the same"; must be positive
   */
  public static Decision decide(Estimate difference, double margin) {
    if (!(margin > 0)) {
      throw new IllegalArgumentException("an equivalence margin must be positive, got " + margin);
    }
    Interval interval = difference.interval();
    if (interval.inside(-margin, margin)) {
      return Decision.EQUIVALENT;
    }
    if (interval.above(margin) || interval.below(-margin)) {
      return Decision.NOT_EQUIVALENT;
    }
    return Decision.UNDECIDED;
  }
}
