package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;

/**
 * SGD momentum exactly as torch.optim.SGD: the buffer starts as the first gradient (no
 * dampening on step 1), then {@code b ← μ·b + (1 − dampening)·g}; the update is {@code b}, or
 * {@code g + μ·b} with Nesterov (Sutskever et al. 2013, in torch's reformulation).
 */
public final class TraceMomentum implements GradientTransform {

  private final float momentum;
  private final float oneMinusDampening;
  private final boolean nesterov;

  private TraceMomentum(double momentum, double dampening, boolean nesterov) {
    this.momentum = (float) momentum;
    this.oneMinusDampening = (float) (1 - dampening);
    this.nesterov = nesterov;
  }

  public static GradientTransform traceMomentum(
      double momentum, double dampening, boolean nesterov) {
    return new TraceMomentum(momentum, dampening, nesterov);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new ArrayState(ArrayState.zeros(params, 1, 0f));
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    ArrayState s = (ArrayState) state;
    boolean first = s.count == 0;
    s.count++;
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] b = s.buffers[0][i];
      for (int j = 0; j < g.length; j++) {
        float buf = first ? g[j] : momentum * b[j] + oneMinusDampening * g[j];
        b[j] = buf;
        g[j] = nesterov ? g[j] + momentum * buf : buf;
      }
    }
    return updates;
  }
}
