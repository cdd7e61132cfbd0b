package org.optbench.optim;

/**
 * What a {@link GradientTransform} keeps between steps. Everything stateful lives here, nowhere
 * else, so one transform object can drive several independent models.
 */
public interface TransformState {

  /** The state of a stateless transform. */
  TransformState EMPTY = () -> 0L;

  /**
   * Bytes of the arrays this state really allocated (4 per float, 8 per double); object headers
   * and scalars are not counted, as torch's {@code state_dict} sizes do not count them either.
   */
  long stateBytes();
}
