package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;

/**
 * {@code u ← u + λ·p}. Placed before an optimizer's scaling it is the coupled L2 penalty of
 * torch.optim ({@code grad = grad.add(param, alpha=weight_decay)}); placed after it and before
 * {@code scaleByLearningRate} it is decoupled decay, {@code p ← p − lr·λ·p} (Loshchilov &amp; Hutter
 * 2019, torch.optim.AdamW).
 */
public final class AddDecayedWeights implements GradientTransform {

  private final float weightDecay;

  private AddDecayedWeights(double weightDecay) {
    this.weightDecay = (float) weightDecay;
  }

  public static GradientTransform addDecayedWeights(double weightDecay) {
    return new AddDecayedWeights(weightDecay);
  }

  @Override
  public TransformState init(ParamTree params) {
    return TransformState.EMPTY;
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    for (int i = 0; i < updates.size(); i++) {
      float[] u = updates.data(i);
      float[] p = params.data(i);
      for (int j = 0; j < u.length; j++) {
        u[j] += weightDecay * p[j];
      }
    }
    return updates;
  }
}
