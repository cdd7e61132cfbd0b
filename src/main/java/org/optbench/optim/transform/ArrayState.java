package org.optbench.optim.transform;

import org.optbench.optim.ParamTree;
import org.optbench.optim.TransformState;

/**
 * State made of float buffers shaped like the parameters (one set per moment) plus an update
 * counter, as torch.optim keeps {@code step}, {@code exp_avg}, ... per parameter.
 */
class ArrayState implements TransformState {

  /** {@code buffers[k][i]}: moment k of tensor i. */
  final float[][][] buffers;
  /** Updates applied so far; the next one is number {@code count + 1}. */
  int count;

  ArrayState(float[][][] buffers) {
    this.buffers = buffers;
  }

  /** {@code moments} zero buffers shaped like {@code params}. */
  static float[][][] zeros(ParamTree params, int moments, float fill) {
    float[][][] out = new float[moments][params.size()][];
    for (int k = 0; k < moments; k++) {
      for (int i = 0; i < params.size(); i++) {
        out[k][i] = new float[params.get(i).size()];
        if (fill != 0f) {
          java.util.Arrays.fill(out[k][i], fill);
        }
      }
    }
    return out;
  }

  @Override
  public void tensorArrays(int tensor, java.util.List<float[]> out) {
    for (float[][] moment : buffers) {
      out.add(moment[tensor]);
    }
  }

  @Override
  public long stateBytes() {
    long bytes = 0;
    for (float[][] moment : buffers) {
      for (float[] b : moment) {
        bytes += 4L * b.length;
      }
    }
    return bytes;
  }
}
