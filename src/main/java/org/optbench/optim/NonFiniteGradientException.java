package org.optbench.optim;

/**
 * A gradient held NaN or ±Inf. Thrown by an optimizer step before any parameter or state is
 * written, so the caller can stop the run (or skip the batch) with the model intact and the
 * offending tensor named.
 */
public final class NonFiniteGradientException extends ArithmeticException {

  private final String tensor;
  private final int index;
  private final float value;
  private final int step;

  public NonFiniteGradientException(String tensor, int index, float value, int step) {
    super("non-finite gradient at step " + step + ": " + tensor + "[" + index + "] = " + value);
    this.tensor = tensor;
    this.index = index;
    this.value = value;
    this.step = step;
  }

  /** Name of the tensor holding the first bad element. */
  public String tensor() {
    return tensor;
  }

  /** Flat (row-major) index of the first bad element. */
  public int index() {
    return index;
  }

  public float value() {
    return value;
  }

  public int step() {
    return step;
  }
}
