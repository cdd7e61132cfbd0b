package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;

/**
 * RMSprop's scaling as torch.optim.RMSprop: {@code s ← α·s + (1 − α)·g²}; with {@code centered}
 * also {@code ḡ ← α·ḡ + (1 − α)·g} and the denominator {@code √(s − ḡ²) + ε} (Graves 2013, eq.
 * 38–40), else {@code √s + ε}. With momentum μ > 0 the update is the buffer
 * {@code b ← μ·b + g/denominator}, else {@code g/denominator}. ε sits outside the root, as in
 * torch.
 */
public final class ScaleByRms implements GradientTransform {

  private final float alpha;
  private final float eps;
  private final boolean centered;
  private final float momentum;

  private ScaleByRms(double alpha, double eps, boolean centered, double momentum) {
    this.alpha = (float) alpha;
    this.eps = (float) eps;
    this.centered = centered;
    this.momentum = (float) momentum;
  }

  public static GradientTransform scaleByRms(
      double alpha, double eps, boolean centered, double momentum) {
    return new ScaleByRms(alpha, eps, centered, momentum);
  }

  /** Buffers: 0 = squared average, then the gradient average if centered, then momentum. */
  private int momentumSlot() {
    return centered ? 2 : 1;
  }

  @Override
  public TransformState init(ParamTree params) {
    int moments = 1 + (centered ? 1 : 0) + (momentum > 0 ? 1 : 0);
    return new ArrayState(ArrayState.zeros(params, moments, 0f));
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    ArrayState s = (ArrayState) state;
    s.count++;
    float oneMinusAlpha = 1 - alpha;
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] sq = s.buffers[0][i];
      float[] avg = centered ? s.buffers[1][i] : null;
      float[] buf = momentum > 0 ? s.buffers[momentumSlot()][i] : null;
      for (int j = 0; j < g.length; j++) {
        float square = alpha * sq[j] + oneMinusAlpha * g[j] * g[j];
        sq[j] = square;
        float denom;
        if (avg != null) {
          float mean = alpha * avg[j] + oneMinusAlpha * g[j];
          avg[j] = mean;
          denom = (float) Math.sqrt(square - mean * mean) + eps;
        } else {
          denom = (float) Math.sqrt(square) + eps;
        }
        if (buf != null) {
          float b = momentum * buf[j] + g[j] / denom;
          buf[j] = b;
          g[j] = b;
        } else {
          g[j] = g[j] / denom;
        }
      }
    }
    return updates;
  }
}
