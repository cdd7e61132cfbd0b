package org.optbench.optim.transform;

/**
 * The layer-wise trust ratio of LARS (You et al. 2017, eq. 6 without its weight-decay term) and
 * LAMB (You et al. 2019, Algorithm 2), as optax.scale_by_trust_ratio computes it with
 * {@code min_norm} 0: a tensor's update u is scaled by
 *
 * <pre>
 *   r = η·‖p‖ / (‖u‖ + ε),   or 1 when ‖p‖ = 0 or ‖u‖ = 0
 * </pre>
 *
 * (norms per tensor, Frobenius). The fallback is optax's: a zero-initialised tensor (a bias)
 * would never move under r = 0, and a zero update needs no scaling. It is 1, not η. Both engines
 * pass norms accumulated in float64, so r differs between them only by the float64 sums'
 * rounding.
 */
public final class TrustRatio {

  private TrustRatio() {}

  /**
   * @param paramNorm ‖p‖ of the tensor
   * @param updateNorm ‖u‖ of its update direction
   * @param coefficient η (optax's trust_coefficient; 1 for LAMB)
   * @param eps ε added to ‖u‖ (0 for LAMB)
   */
  public static float of(double paramNorm, double updateNorm, double coefficient, double eps) {
    if (paramNorm == 0 || updateNorm == 0) {
      return 1f;
    }
    return (float) (coefficient * paramNorm / (updateNorm + eps));
  }
}
