package org.optbench.score;

/**
 * A performance profile ρ(τ) as the step function it is, for plotting: ρ(τ) = {@code rho[k]} for
 * {@code tau[k] ≤ τ < tau[k+1]}, and at the last point ρ(τ) = {@code rho[last]}. Draw it as a
 * step line that holds each value to the right ("post"/"hv" steps).
 *
 * <p>{@code tau[0]} is 1 (ρ(1) is the share of workloads on which the optimizer was fastest),
 * each further point is a ratio at which ρ jumps, and the last point is r_max, so that the curve
 * spans the whole integration range.
 *
 * @param tau increasing ratios, from 1 to r_max
 * @param rho ρ at each ratio, non-decreasing, in [0, 1]
 */
public record ProfileSteps(double[] tau, double[] rho) {

  public ProfileSteps {
    if (tau.length != rho.length || tau.length == 0) {
      throw new IllegalArgumentException("one ρ per τ, at least one point");
    }
    tau = tau.clone();
    rho = rho.clone();
  }

  @Override
  public double[] tau() {
    return tau.clone();
  }

  @Override
  public double[] rho() {
    return rho.clone();
  }

  /** How many points. */
  public int size() {
    return tau.length;
  }
}
