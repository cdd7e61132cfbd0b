package org.optbench.optim.alias;

import org.optbench.optim.ClipReport;

/**
 * What one {@link NativeOptimizer#step} did, for the runner's per-step log. The optimizer reuses
 * one instance; copy the figures to keep them.
 */
public final class StepReport {

  private int step;
  private double lr;
  private double stepSize;
  private final ClipReport clip = new ClipReport();

  void set(int step, double lr, double stepSize) {
    this.step = step;
    this.lr = lr;
    this.stepSize = stepSize;
  }

  /** 1-based number of the step just taken. */
  public int step() {
    return step;
  }

  /** Learning rate used (base lr × schedule factor; the factor alone for relative-step Adafactor). */
  public double lr() {
    return lr;
  }

  /**
   * The step size applied: {@link #lr()} for optimizers that use it as given; Adafactor's
   * αₜ = ρₜ·max(ε₂, RMS(p)) averaged over tensors by element count.
   */
  public double stepSize() {
    return stepSize;
  }

  /** Global gradient norm before and after clipping, whether it clipped, and the threshold. */
  public ClipReport clip() {
    return clip;
  }

  @Override
  public String toString() {
    return "step " + step + ", lr " + lr + ", " + clip;
  }
}
