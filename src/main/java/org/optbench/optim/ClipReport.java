package org.optbench.optim;

/**
 * What a clipping transform did at its last step, for the runner's per-step log: the global L2
 * norm of the gradients before and after, whether anything changed, and the threshold in force
 * (NaN when the method has none, e.g. {@code none}). One instance is reused per step.
 */
public final class ClipReport {

  private double normBefore = Double.NaN;
  private double normAfter = Double.NaN;
  private boolean clipped;
  private double threshold = Double.NaN;

  /** Records one step's figures. */
  public void set(double normBefore, double normAfter, boolean clipped, double threshold) {
    this.normBefore = normBefore;
    this.normAfter = normAfter;
    this.clipped = clipped;
    this.threshold = threshold;
  }

  /** Copies another report's figures. */
  public void copyFrom(ClipReport other) {
    set(other.normBefore, other.normAfter, other.clipped, other.threshold);
  }

  /** Global L2 norm of the gradients as they arrived. */
  public double normBefore() {
    return normBefore;
  }

  /** Global L2 norm after clipping. */
  public double normAfter() {
    return normAfter;
  }

  /** Whether clipping changed any element. */
  public boolean clipped() {
    return clipped;
  }

  /**
   * The threshold used: max_norm or max_value for fixed methods, the adaptive value for autoclip,
   * zclip, stat (largest τ over tensors), lr_scaled and loss_feedback, λ for agc; NaN for none.
   */
  public double threshold() {
    return threshold;
  }

  @Override
  public String toString() {
    return "norm " + normBefore + " → " + normAfter + (clipped ? " (clipped" : " (not clipped")
        + ", threshold " + threshold + ")";
  }
}
