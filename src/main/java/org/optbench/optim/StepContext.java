package org.optbench.optim;

/**
 * What a step knows beyond the gradients: the 1-based step number, the learning rate the schedule
 * gives for this step, and the training loss of the batch the gradients came from ({@code NaN}
 * when the caller has none). Clippers such as {@code lr_scaled} and {@code loss_feedback} read it.
 *
 * <p>Optimizers that precondition with curvature (Sophia) also read the step's estimate of the
 * loss's Hessian diagonal, {@link #hessianDiagonal()}: a tree shaped like the parameters, given by
 * the caller on the steps where the optimizer refreshes its estimate and null on the others. The
 * training loop computes it (Gauss–Newton–Bartlett, see {@code spec.CurvatureNeed}); replay reads
 * it from the case. Every other transform ignores it.
 *
 * <p>Mutable on purpose: an optimizer reuses one context for every step, so a step allocates
 * nothing.
 */
public final class StepContext {

  private int step;
  private double lr;
  private double loss;
  private double stepSizeWeighted;
  private long stepSizeElements;
  private ParamTree hessianDiagonal;

  /** A context for {@code step} with learning rate {@code lr} and loss {@code loss}. */
  public static StepContext of(int step, double lr, double loss) {
    return new StepContext().set(step, lr, loss);
  }

  /** Overwrites every field, the Hessian-diagonal estimate with none; returns this. */
  public StepContext set(int step, double lr, double loss) {
    if (step < 1) {
      throw new IllegalArgumentException("step numbers start at 1, got " + step);
    }
    this.step = step;
    this.lr = lr;
    this.loss = loss;
    this.stepSizeWeighted = 0;
    this.stepSizeElements = 0;
    this.hessianDiagonal = null;
    return this;
  }

  /**
   * Gives this step an estimate of the Hessian diagonal (null for none); call after {@link #set}.
   * The caller keeps ownership: transforms read it during the step and keep no reference.
   */
  public StepContext withHessianDiagonal(ParamTree estimate) {
    this.hessianDiagonal = estimate;
    return this;
  }

  /** This step's Hessian-diagonal estimate, shaped like the parameters, or null when none. */
  public ParamTree hessianDiagonal() {
    return hessianDiagonal;
  }

  /** 1-based step number: the bias corrections of Adam use it as t. */
  public int step() {
    return step;
  }

  /** Learning rate for this step, after the schedule. */
  public double lr() {
    return lr;
  }

  /** Training loss of this step's batch, or NaN. */
  public double loss() {
    return loss;
  }

  /**
   * Records the step size αₜ a transform applied to one tensor of {@code elements} values, for
   * transforms whose step size is their own per tensor (Adafactor's ρₜ·max(ε₂, RMS(p))).
   */
  public void recordStepSize(double alpha, int elements) {
    stepSizeWeighted += alpha * elements;
    stepSizeElements += elements;
  }

  /**
   * The element-weighted mean of the step sizes recorded since {@link #set}, or {@link #lr()}
   * when no transform recorded one (the learning rate is then applied as given).
   */
  public double stepSize() {
    return stepSizeElements > 0 ? stepSizeWeighted / stepSizeElements : lr;
  }

  @Override
  public String toString() {
    return "step " + step + ", lr " + lr + ", loss " + loss;
  }
}
