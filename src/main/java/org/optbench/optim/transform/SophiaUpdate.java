package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;

/**
 * Sophia (Liu et al. 2023, Algorithm 3) as optax.contrib.sophia computes it: a momentum divided
 * by a slowly refreshed estimate of the Hessian diagonal, clipped per coordinate. With k = t − 1
 * the number of earlier updates and ĥ the step's estimate (see {@link StepContext#hessianDiagonal}):
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g;   m̂ = m / (1 − β1ᵗ)
 *   u = m̂ / max(γ·h, ε), clipped to ±clip_threshold (none when clip_threshold is null)
 *   p ← p − lr·(u + λ·p)
 *   h ← β2·h + (1 − β2)·ĥ     only when k mod update_interval = 0 (steps 1, 1 + k, …)
 * </pre>
 *
 * Where optax departs from the paper, optax is followed (its vectors are the reference): m̂ is
 * bias-corrected (the paper's m is not); u divides by h <em>before</em> this step's refresh, so
 * an estimate first acts at the step after it was taken (the paper refreshes h first), and at
 * step 1, with h = 0, u = m̂/ε, which the clip bounds; weight decay is optax's λ·p added after the
 * clip and scaled by lr, which is the paper's decoupled p ← p − lr·λ·p. The paper's ρ and batch
 * factor are in γ and in the estimate (ĥ = B·ĝ⊙ĝ), as optax has them.
 *
 * <p>A step that falls due without an estimate (a caller that has none, such as a gradient-only
 * harness) leaves h as it is; the training loop and replay always give one when it is due.
 */
public final class SophiaUpdate implements GradientTransform {

  private final double beta1;
  private final double beta2;
  private final float eps;
  private final float gamma;
  private final float clip;
  private final float weightDecay;
  private final int interval;

  private SophiaUpdate(Options o) {
    this.beta1 = o.beta1();
    this.beta2 = o.beta2();
    this.eps = (float) o.eps();
    this.gamma = (float) o.gamma();
    this.clip = o.clipThreshold() == null ? Float.POSITIVE_INFINITY : o.clipThreshold().floatValue();
    this.weightDecay = (float) o.weightDecay();
    this.interval = o.updateInterval();
  }

  /**
   * Sophia's settings, named as optax names them (b1, b2 as beta1, beta2).
   *
   * @param clipThreshold bound of |u| per coordinate; null for no clip
   * @param updateInterval k: the Hessian EMA takes an estimate every k steps
   */
  public record Options(double beta1, double beta2, double eps, double gamma,
      Double clipThreshold, double weightDecay, int updateInterval) {}

  public static GradientTransform sophia(Options options) {
    return new SophiaUpdate(options);
  }

  /** m and h, per tensor. */
  @Override
  public TransformState init(ParamTree params) {
    return new ArrayState(ArrayState.zeros(params, 2, 0f));
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    ArrayState s = (ArrayState) state;
    int k = s.count++;
    int t = k + 1;
    // optax's condition on its count before the increment: steps 1, 1 + k, 1 + 2k, …
    ParamTree estimate = k % interval == 0 ? c.hessianDiagonal() : null;
    float b1 = (float) beta1;
    float c1 = (float) (1 - beta1);
    float b2 = (float) beta2;
    float c2 = (float) (1 - beta2);
    float bc1 = (float) (1 - Math.pow(beta1, t));
    float lr = (float) c.lr();
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] p = params.data(i);
      float[] m = s.buffers[0][i];
      float[] h = s.buffers[1][i];
      float[] hHat = estimate == null ? null : estimate.data(i);
      for (int j = 0; j < g.length; j++) {
        float mj = c1 * g[j] + b1 * m[j];
        m[j] = mj;
        float u = (mj / bc1) / Math.max(gamma * h[j], eps);
        u = Math.max(-clip, Math.min(clip, u));
        g[j] = -lr * (u + weightDecay * p[j]);
        if (hHat != null) {
          h[j] = c2 * hHat[j] + b2 * h[j];
        }
      }
    }
    return updates;
  }
}
