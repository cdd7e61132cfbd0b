package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;

/**
 * Prodigy (Mishchenko &amp; Defazio 2023), the Adam version, as optax.contrib.prodigy (0.2.8)
 * computes it: Adam on d·g whose step size d·lr is learnt. d estimates the distance from the
 * initial parameters x₀ to a solution; it only grows. With d the estimate the step starts from
 * and dlr = d·lr·√(1 − β2ᵗ)/(1 − β1ᵗ) (Adam's bias correction folded into the rate):
 *
 * <pre>
 *   r ← β3·r + (d/d₀)·dlr·Σ⟨g, x₀ − x⟩          sums over every tensor of the model
 *   m ← β1·m + (1 − β1)·d·g
 *   v ← β2·v + (1 − β2)·(d·g)²
 *   s ← β3·s + (dlr/d₀)·d·g                     (safeguard_warmup: (d/d₀)·d·g, no lr)
 *   d' = max(d, coef·r/‖s‖₁)
 *   x ← x − λ·dlr·x − dlr·m/(√v + d'·ε)
 * </pre>
 *
 * The step moves by dlr, from the estimate d the step started with; the new estimate d' enters
 * only the ε term (optax's order, as the authors' PyTorch code). optax's lr schedule is read at
 * the step count before the step; here lr is the step's own scheduled lr, as for every optimizer
 * of the catalogue. When ‖s‖₁ is 0 (every gradient so far was 0) d stays, where optax would
 * divide 0 by 0. The step size reported is d·lr (Adam's convention: the bias correction apart).
 */
public final class ProdigyUpdate implements GradientTransform {

  /**
   * Prodigy's hyperparameters (optax's names, b1/b2/b3 as beta1/beta2/beta3).
   *
   * @param beta3 decay of r and s (optax's default √beta2)
   * @param estimLr0 d₀, the initial (under-)estimate of d
   * @param estimLrCoef multiplies every new estimate of d
   * @param weightDecay λ, decoupled and scaled by dlr (AdamW's)
   * @param safeguardWarmup leave lr out of s, so a warm-up's small lr does not inflate d
   */
  public record Settings(double beta1, double beta2, double beta3, double eps, double estimLr0,
      double estimLrCoef, double weightDecay, boolean safeguardWarmup) {}

  private final Settings o;

  private ProdigyUpdate(Settings settings) {
    this.o = settings;
  }

  public static GradientTransform prodigy(Settings settings) {
    return new ProdigyUpdate(settings);
  }

  /** m, v, s and x₀ (the parameters at init) per tensor; d = d₀. */
  @Override
  public TransformState init(ParamTree params) {
    DistanceEstimate state = DistanceEstimate.zeros(params, 4, o.estimLr0());
    for (int i = 0; i < params.size(); i++) {
      System.arraycopy(params.data(i), 0, state.buffers[3][i], 0, params.data(i).length);
    }
    return state;
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    DistanceEstimate s = (DistanceEstimate) state;
    int t = ++s.count;
    float lr = (float) c.lr();
    double d = s.d;
    double dlr = d * lr * DistanceEstimate.biasCorrection(o.beta1(), o.beta2(), t);
    float dScale = (float) d;
    float b1 = (float) o.beta1();
    float c1 = (float) (1 - o.beta1());
    float b2 = (float) o.beta2();
    float c2 = (float) (1 - o.beta2());
    float b3 = (float) o.beta3();
    float sScale = (float) ((o.safeguardWarmup() ? d : dlr) / o.estimLr0());
    double inner = 0;
    double sNorm = 0;
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] x = params.data(i);
      float[] m = s.buffers[0][i];
      float[] v = s.buffers[1][i];
      float[] sum = s.buffers[2][i];
      float[] x0 = s.buffers[3][i];
      for (int j = 0; j < g.length; j++) {
        inner += (double) g[j] * (x0[j] - x[j]);
        float dg = dScale * g[j];
        m[j] = b1 * m[j] + c1 * dg;
        v[j] = b2 * v[j] + c2 * (dg * dg);
        sum[j] = b3 * sum[j] + sScale * dg;
        sNorm += Math.abs(sum[j]);
      }
    }
    s.numerator = o.beta3() * s.numerator + (d / o.estimLr0()) * dlr * inner;
    double next = sNorm > 0 ? Math.max(d, o.estimLrCoef() * s.numerator / sNorm) : d;
    float epsScale = (float) (next * o.eps());
    float rate = (float) dlr;
    float decay = (float) (o.weightDecay() * dlr);
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] x = params.data(i);
      float[] m = s.buffers[0][i];
      float[] v = s.buffers[1][i];
      for (int j = 0; j < g.length; j++) {
        float step = m[j] / ((float) Math.sqrt(v[j]) + epsScale) * rate;
        if (o.weightDecay() != 0) {
          step += x[j] * decay;
        }
        g[j] = -step;
      }
      c.recordStepSize(d * lr, g.length);
    }
    s.d = next;
    return updates;
  }
}
