package org.optbench.optim.transform;

import org.optbench.optim.ParamTree;
import org.optbench.optim.ResumableState;

/**
 * Schedule-Free's state: z per tensor (and Adam's v for the AdamW form), plus the averaging
 * scalars. x is not kept: it follows from the training point y and z as
 * x = (y − (1 − β1)·z)/β1, as in optax and the facebookresearch reference, so the state is as
 * large as the base optimizer's with momentum.
 */
final class ScheduleFreeState extends ArrayState implements ResumableState {

  final ScheduleFreeAverage average;

  /** z = a copy of the parameters (x₁ = z₁ = y₁), then {@code moments} zero arrays. */
  ScheduleFreeState(ParamTree params, int moments, ScheduleFreeAverage average) {
    super(withCopy(params, moments));
    this.average = average;
  }

  private static float[][][] withCopy(ParamTree params, int moments) {
    float[][][] buffers = ArrayState.zeros(params, 1 + moments, 0f);
    for (int i = 0; i < params.size(); i++) {
      System.arraycopy(params.data(i), 0, buffers[0][i], 0, buffers[0][i].length);
    }
    return buffers;
  }

  float[] z(int tensor) {
    return buffers[0][tensor];
  }

  /** max_lr and Σw, which steer cₜ. */
  @Override
  public double[] scalars() {
    return average.scalars();
  }

  @Override
  public void setScalars(double[] values) {
    average.restore(values);
  }

  @Override
  public void restoreSteps(int steps) {
    average.restoreStep(steps);
  }
}
