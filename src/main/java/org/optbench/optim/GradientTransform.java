package org.optbench.optim;

/**
 * A gradient transformation in the sense of optax ({@code optax/_src/base.py}): a pair of
 * functions, {@code init} and {@code update}, with all memory in the state.
 *
 * <p>{@code update} receives the incoming updates (the gradients, for the first transform of a
 * chain), rewrites them in place and returns the same tree. The caller owns the buffers; a
 * transform never keeps a reference to them between calls.
 */
public interface GradientTransform {

  /** Allocates the state for parameters shaped like {@code params}. */
  TransformState init(ParamTree params);

  /**
   * Transforms {@code updates} in place.
   *
   * @param updates incoming updates; overwritten with the outgoing ones
   * @param state this transform's state from {@link #init}; updated
   * @param params current parameters (read only), for weight decay and parameter-scaled steps
   * @param context step number, learning rate and loss of this step
   * @return {@code updates}
   */
  ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext context);
}
