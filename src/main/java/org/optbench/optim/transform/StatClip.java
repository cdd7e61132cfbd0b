package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;

/**
 * Statistical element clipping: per tensor, μ and σ (population) of the magnitudes |g|, and every
 * element clamped into {@code [−τ, τ]} with {@code τ = μ + k·σ}. Taking the statistics of |g|
 * rather than of g keeps τ ≥ 0 and the rule symmetric; for k = 3 only the tail of large elements
 * is cut. The report's threshold is the largest τ over the tensors.
 */
public final class StatClip implements GradientTransform {

  private final double k;

  private StatClip(double k) {
    this.k = k;
  }

  public static GradientTransform statClip(double k) {
    return new StatClip(k);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new ClipState();
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    double before = 0;
    double after = 0;
    double largestTau = Double.NaN;
    boolean clipped = false;
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      if (g.length == 0) {
        continue;
      }
      double sum = 0;
      double squares = 0;
      for (float v : g) {
        sum += Math.abs(v);
        squares += (double) v * v;
      }
      double mean = sum / g.length;
      double std = Math.sqrt(Math.max(0, squares / g.length - mean * mean));
      float tau = (float) (mean + k * std);
      largestTau = Double.isNaN(largestTau) ? tau : Math.max(largestTau, tau);
      before += squares;
      for (int j = 0; j < g.length; j++) {
        float v = g[j];
        float clamped = Math.max(-tau, Math.min(tau, v));
        clipped |= clamped != v;
        after += (double) clamped * clamped;
        g[j] = clamped;
      }
    }
    ((ClipState) state).report().set(Math.sqrt(before), Math.sqrt(after), clipped, largestTau);
    return updates;
  }
}
