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

  /**
   * Appends the live state arrays that belong to tensor {@code tensor} (moments shaped like it,
   * or Adafactor's factors), in a fixed order, to {@code out}. Engines that implement the same
   * optimizer keep the same arrays, which lets a cross-check compare and synchronise them.
   * Stateless transforms and scalar state (counters, clipping statistics) add nothing.
   */
  default void tensorArrays(int tensor, java.util.List<float[]> out) {}

  /**
   * The state's scalars over the whole model that steer the update (D-Adaptation's and Prodigy's
   * estimate d and the numerator it comes from), in a fixed order that an engine implementing
   * the same optimizer keeps too: a cross-check compares and synchronises them as it does the
   * {@link #tensorArrays}. Step counters, which both sides count alike, are not among them.
   * Empty by default.
   */
  default double[] scalars() {
    return new double[0];
  }

  /** Overwrites the {@link #scalars()} with {@code values}, given in the same order. */
  default void setScalars(double[] values) {
    if (values.length != 0) {
      throw new IllegalArgumentException("this state has no scalars, got " + values.length);
    }
  }
}
