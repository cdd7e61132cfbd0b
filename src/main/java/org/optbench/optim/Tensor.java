package org.optbench.optim;

import java.util.Arrays;

/**
 * A named float tensor stored row-major in a plain array. The array is shared, not copied:
 * transforms read and write it in place.
 */
public final class Tensor {

  private final String name;
  private final int[] shape;
  private final float[] data;

  /**
   * @param name the parameter's name, used in error messages
   * @param shape dimensions, outermost first; {@code []} is a scalar
   * @param data row-major values; its length must be the product of {@code shape}
   * @throws IllegalArgumentException if a dimension is negative or the length does not match
   */
  public Tensor(String name, int[] shape, float[] data) {
    this.name = name;
    this.shape = shape.clone();
    long size = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("tensor '" + name + "': negative dimension in shape "
            + Arrays.toString(shape));
      }
      size *= d;
    }
    if (size != data.length) {
      throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape)
          + " needs " + size + " values, got " + data.length);
    }
    this.data = data;
  }

  /** A zero tensor of the given shape. */
  public static Tensor zeros(String name, int... shape) {
    long size = 1;
    for (int d : shape) {
      size *= d;
    }
    return new Tensor(name, shape, new float[Math.toIntExact(size)]);
  }

  public String name() {
    return name;
  }

  /** A copy of the shape. */
  public int[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }

  /** Size of dimension {@code i}; negative {@code i} counts from the end, as in numpy. */
  public int dim(int i) {
    return shape[i < 0 ? shape.length + i : i];
  }

  /** The live values, row-major. */
  public float[] data() {
    return data;
  }

  public int size() {
    return data.length;
  }

  /** A tensor of the same name and shape filled with zeros. */
  public Tensor zerosLike() {
    return new Tensor(name, shape, new float[data.length]);
  }

  /** A deep copy. */
  public Tensor copy() {
    return new Tensor(name, shape, data.clone());
  }

  boolean sameShape(Tensor other) {
    return Arrays.equals(shape, other.shape);
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }
}
