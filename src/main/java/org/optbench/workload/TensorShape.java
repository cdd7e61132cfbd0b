package org.optbench.workload;

import java.util.Arrays;

/**
 * The name and dimensions of one parameter tensor. The memory report needs to tell matrices from
 * vectors because Adafactor factors only the former.
 *
 * @param name parameter name, e.g. {@code layer0.weight}
 * @param dims dimensions, outermost first (torch/DJL layout: a dense weight is (out, in))
 */
public record TensorShape(String name, int[] dims) {

  public TensorShape {
    dims = dims.clone();
  }

  @Override
  public int[] dims() {
    return dims.clone();
  }

  /** Number of scalars in the tensor. */
  public long size() {
    long size = 1;
    for (int d : dims) {
      size *= d;
    }
    return size;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TensorShape that
        && name.equals(that.name)
        && Arrays.equals(dims, that.dims);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(dims);
  }

  @Override
  public String toString() {
    return name + Arrays.toString(dims);
  }
}
