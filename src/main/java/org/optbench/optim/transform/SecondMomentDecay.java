package org.optbench.optim.transform;

/**
 * Adafactor's second-moment decay β̂2ₜ per 1-based step t (Shazeer &amp; Stern 2018, §7.1). The
 * paper compares two: a constant β2 with Adam's bias correction folded into the decay, and its
 * increasing schedule 1 − t^c, which transformers uses (c = −0.8).
 */
@FunctionalInterface
public interface SecondMomentDecay {

  /** β̂2ₜ for step {@code t} ≥ 1. */
  double at(int t);

  /** β̂2ₜ = 1 − t^c, c &lt; 0: 0 at t = 1, rising towards 1 (the paper's eq. for §7.1). */
  static SecondMomentDecay increasing(double c) {
    return t -> 1 - Math.pow(t, c);
  }

  /**
   * β̂2ₜ = β2·(1 − β2^(t−1)) / (1 − β2^t): an exponential average with constant β2 whose bias
   * correction is folded into the decay (the paper's slow-decay rows, e.g. β2 = 0.999); 0 at t = 1.
   */
  static SecondMomentDecay biasCorrected(double beta2) {
    return t -> beta2 * (1 - Math.pow(beta2, t - 1)) / (1 - Math.pow(beta2, t));
  }
}
