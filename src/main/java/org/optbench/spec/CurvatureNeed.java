package org.optbench.spec;

/**
 * What an optimizer needs from the training loop besides the gradient: an estimate of the
 * loss's Hessian diagonal every k steps (Sophia). optbench computes it with the
 * Gauss–Newton–Bartlett estimator (Liu et al. 2023, Algorithm 2), which backpropagates the loss
 * of labels sampled from the model's own softmax output; a workload without such an output
 * (regression, analytic objectives) cannot give one, and the spec check refuses the pair.
 *
 * <p>The estimate reaches the optimizer through its own channel on each engine (the native
 * {@code StepContext.hessianDiagonal()}, the engine optimizer's {@code giveHessianDiagonal}); an
 * optimizer that needs nothing ({@link #NONE}, the rest of the catalogue) never sees one.
 *
 * @param intervalParam the integer hyperparameter holding k, the number of steps between two
 *     estimates; null for {@link #NONE}
 */
public record CurvatureNeed(String intervalParam) {

  /** Gradients only. */
  public static final CurvatureNeed NONE = new CurvatureNeed(null);

  /** A Hessian-diagonal estimate every {@code intervalParam} steps. */
  public static CurvatureNeed everyKSteps(String intervalParam) {
    return new CurvatureNeed(intervalParam);
  }

  /** Whether the optimizer takes estimates at all. */
  public boolean needed() {
    return intervalParam != null;
  }

  /**
   * Whether an estimate is due at 1-based {@code step} for an optimizer refreshing it every
   * {@code interval} steps: steps 1, 1 + k, 1 + 2k, …, as optax's {@code scale_by_sophia}
   * refreshes when its update count before this step is a multiple of k.
   */
  public static boolean due(int interval, int step) {
    return (step - 1) % interval == 0;
  }

  /**
   * Whether {@code optimizer}, or the optimizer of one of its parameter groups, takes estimates
   * (and so needs a workload whose loss can sample labels).
   */
  public static boolean takesEstimates(Component optimizer) {
    if (optimizer.def().curvature().needed()) {
      return true;
    }
    return optimizer.groups().stream().anyMatch(g -> g.optimizer().def().curvature().needed());
  }

  /** Whether {@code optimizer} or one of its groups' optimizers wants an estimate at {@code step}. */
  public static boolean dueAt(Component optimizer, int step) {
    if (dueFor(optimizer, step)) {
      return true;
    }
    return optimizer.groups().stream().anyMatch(g -> dueFor(g.optimizer(), step));
  }

  private static boolean dueFor(Component optimizer, int step) {
    CurvatureNeed need = optimizer.def().curvature();
    return need.needed() && due(optimizer.integer(need.intervalParam()), step);
  }
}
