package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;

/**
 * Averaged SGD (Polyak &amp; Juditsky 1992) as torch.optim.ASGD computes it, with the step
 * size ηₜ of Bottou 2012 and averaging from step t0:
 *
 * <pre>
 *   g ← g + λ_wd·p
 *   p ← p·(1 − λ·η) − η·g            (η from the previous step; lr on the first)
 *   ax ← ax + μ·(p − ax)              (ax ← p while μ = 1)
 *   η ← lr / (1 + λ·lr·t)^α;  μ ← 1 / max(1, t − t0)
 * </pre>
 *
 * The parameters are the SGD iterates; the average ax is state (what ASGD would return), and is
 * cross-checked as state. η and μ are float32 as torch's state tensors.
 */
public final class AsgdUpdate implements GradientTransform {

  private final double lambd;
  private final double alpha;
  private final double t0;
  private final float weightDecay;

  private AsgdUpdate(double lambd, double alpha, double t0, double weightDecay) {
    this.lambd = lambd;
    this.alpha = alpha;
    this.t0 = t0;
    this.weightDecay = (float) weightDecay;
  }

  /**
   * @param lambd λ, the decay term of the step size and of p
   * @param alpha α, the power of the step-size decay
   * @param t0 the step from which the average starts
   */
  public static GradientTransform asgd(double lambd, double alpha, double t0, double weightDecay) {
    return new AsgdUpdate(lambd, alpha, t0, weightDecay);
  }

  /** The average ax per tensor, and η and μ. */
  static final class State extends ArrayState {
    /** NaN until the first step, which sets it to that step's lr (torch: state["eta"] = lr). */
    float eta = Float.NaN;
    float mu = 1f;

    State(float[][][] buffers) {
      super(buffers);
    }
  }

  @Override
  public TransformState init(ParamTree params) {
    return new State(ArrayState.zeros(params, 1, 0f));
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    State s = (State) state;
    int t = ++s.count;
    double lr = c.lr();
    if (t == 1) {
      s.eta = (float) lr;
    }
    double eta = s.eta;
    float keep = (float) (1 - lambd * eta);
    float etaF = (float) eta;
    boolean averaging = s.mu != 1f;
    float mu = s.mu;
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] p = params.data(i);
      float[] ax = s.buffers[0][i];
      for (int j = 0; j < g.length; j++) {
        float gj = g[j] + weightDecay * p[j];
        float next = p[j] * keep - etaF * gj;
        ax[j] = averaging ? ax[j] + (next - ax[j]) * mu : next;
        g[j] = next - p[j];
      }
    }
    s.eta = (float) (lr / Math.pow(1 + lambd * lr * t, alpha));
    s.mu = (float) (1 / Math.max(1, t - t0));
    return updates;
  }
}
