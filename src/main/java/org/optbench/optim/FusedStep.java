package org.optbench.optim;

/**
 * A transform that can also apply its own update to the parameters in one pass over memory.
 * {@code update} followed by {@code params += updates} reads and writes the update buffer twice;
 * a fused step does not, which is what keeps Adam at 28 bytes per parameter (see
 * docs/performance.md). Both paths compute the same numbers; tests check that they do.
 */
public interface FusedStep extends GradientTransform {

  /**
   * {@code params ← params + update(grads)}.
   *
   * @param params parameters, updated in place
   * @param grads gradients; may be overwritten
   */
  void step(ParamTree params, ParamTree grads, TransformState state, StepContext context);
}
