package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;

/**
 * AdaGrad's scaling as torch.optim.Adagrad computes it: {@code s ← s + g²},
 * {@code u = g / (√s + ε) / (1 + (t − 1)·lr_decay)} (Duchi et al. 2011; the lr decay is
 * torch's). The sum starts at {@code initial_accumulator_value}.
 */
public final class ScaleByAdagrad implements GradientTransform {

  private final double lrDecay;
  private final float eps;
  private final float initialAccumulator;

  private ScaleByAdagrad(double lrDecay, double eps, double initialAccumulator) {
    this.lrDecay = lrDecay;
    this.eps = (float) eps;
    this.initialAccumulator = (float) initialAccumulator;
  }

  public static GradientTransform scaleByAdagrad(
      double lrDecay, double eps, double initialAccumulator) {
    return new ScaleByAdagrad(lrDecay, eps, initialAccumulator);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new ArrayState(ArrayState.zeros(params, 1, initialAccumulator));
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    ArrayState s = (ArrayState) state;
    s.count++;
    float decay = (float) (1.0 / (1 + (s.count - 1) * lrDecay));
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] sum = s.buffers[0][i];
      for (int j = 0; j < g.length; j++) {
        float acc = sum[j] + g[j] * g[j];
        sum[j] = acc;
        g[j] = decay * (g[j] / ((float) Math.sqrt(acc) + eps));
      }
    }
    return updates;
  }
}
