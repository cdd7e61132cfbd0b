package org.optbench.optim;

import java.util.List;

/**
 * An optimizer's state between two steps, as copies: what a run needs, besides its parameters,
 * to continue where it stopped. Both engines write the same layout (the native state arrays'
 * order), so a snapshot names no engine.
 *
 * @param steps steps taken; the next is {@code steps + 1}
 * @param scalars the state's scalars over the whole model ({@link TransformState#scalars})
 * @param arrays per parameter tensor, its state arrays in the native order
 */
public record OptimizerSnapshot(int steps, double[] scalars, List<float[][]> arrays) {

  public OptimizerSnapshot {
    scalars = scalars.clone();
    arrays = arrays.stream().map(OptimizerSnapshot::deepCopy).toList();
  }

  @Override
  public double[] scalars() {
    return scalars.clone();
  }

  @Override
  public List<float[][]> arrays() {
    return arrays.stream().map(OptimizerSnapshot::deepCopy).toList();
  }

  /**
   * Copies the arrays into live state arrays of the same layout (per tensor, in order), after
   * checking the whole layout, so that a mismatch writes nothing.
   *
   * @throws IllegalArgumentException naming the first tensor or array that does not match
   */
  public void copyInto(List<List<float[]>> live) {
    if (live.size() != arrays.size()) {
      throw new IllegalArgumentException(
          "snapshot of " + arrays.size() + " tensors, the optimizer has " + live.size());
    }
    for (int i = 0; i < arrays.size(); i++) {
      float[][] saved = arrays.get(i);
      if (saved.length != live.get(i).size()) {
        throw new IllegalArgumentException("tensor " + i + ": snapshot has " + saved.length
            + " state arrays, the optimizer " + live.get(i).size());
      }
      for (int k = 0; k < saved.length; k++) {
        if (saved[k].length != live.get(i).get(k).length) {
          throw new IllegalArgumentException("tensor " + i + ", state array " + k + ": "
              + saved[k].length + " values, the optimizer has " + live.get(i).get(k).length);
        }
      }
    }
    for (int i = 0; i < arrays.size(); i++) {
      for (int k = 0; k < arrays.get(i).length; k++) {
        System.arraycopy(arrays.get(i)[k], 0, live.get(i).get(k), 0, arrays.get(i)[k].length);
      }
    }
  }

  private static float[][] deepCopy(float[][] tensor) {
    float[][] out = new float[tensor.length][];
    for (int k = 0; k < out.length; k++) {
      out[k] = tensor[k].clone();
    }
    return out;
  }
}
