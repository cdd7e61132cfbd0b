package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;

/**
 * torch.nn.utils.clip_grad_value_: every element is clamped into {@code [−max_value, max_value]}.
 * Unlike norm clipping this changes the direction.
 */
public final class ClipByValue implements GradientTransform {

  private final float maxValue;

  private ClipByValue(double maxValue) {
    this.maxValue = (float) maxValue;
  }

  public static GradientTransform clipByValue(double maxValue) {
    return new ClipByValue(maxValue);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new ClipState();
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    double before = 0;
    double after = 0;
    boolean clipped = false;
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      for (int j = 0; j < g.length; j++) {
        float v = g[j];
        float clamped = Math.max(-maxValue, Math.min(maxValue, v));
        clipped |= clamped != v;
        before += (double) v * v;
        after += (double) clamped * clamped;
        g[j] = clamped;
      }
    }
    ((ClipState) state).report().set(Math.sqrt(before), Math.sqrt(after), clipped, maxValue);
    return updates;
  }
}
