package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;

/**
 * ZClip (Kumar et al. 2025, "ZClip: Adaptive Spike Mitigation for LLM Pre-Training", Algorithm 1;
 * the authors' {@code zscore} mode with {@code adaptive_scaling}, clip factor 1):
 *
 * <ol>
 *   <li>The first {@code warmup_steps} global norms only seed the statistics: μ = their mean,
 *       σ² = their population variance. Nothing is clipped then, unless {@code max_norm} is set.
 *   <li>Afterwards {@code z = (‖g‖ − μ) / (σ + eps)}. When z > z_thr the norm is a spike and is
 *       clipped to {@code τ = μ + z_thr²·σ / z} (larger spikes are cut harder).
 *   <li>μ ← α·μ + (1 − α)·x, then σ² ← α·σ² + (1 − α)·(x − μ)² with the new μ, where x is τ on a
 *       spike and ‖g‖ otherwise, so spikes do not inflate the statistics.
 * </ol>
 *
 * <p>{@code max_norm}, when set, is a fixed ceiling applied on top at every step.
 */
public final class ZClip implements GradientTransform {

  private final double alpha;
  private final double zThreshold;
  private final int warmupSteps;
  private final double eps;
  private final double maxNorm;

  private ZClip(double alpha, double zThreshold, int warmupSteps, double eps, Double maxNorm) {
    this.alpha = alpha;
    this.zThreshold = zThreshold;
    this.warmupSteps = warmupSteps;
    this.eps = eps;
    this.maxNorm = maxNorm == null ? Double.POSITIVE_INFINITY : maxNorm;
  }

  /** @param maxNorm fixed ceiling, or null for none */
  public static GradientTransform zClip(
      double alpha, double zThreshold, int warmupSteps, double eps, Double maxNorm) {
    return new ZClip(alpha, zThreshold, warmupSteps, eps, maxNorm);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new Stats();
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    Stats s = (Stats) state;
    double norm = TreeMath.globalNorm(updates);
    if (s.seen < warmupSteps) {
      // Welford's running mean and sum of squared deviations: the population variance of the
      // warm-up norms without keeping them.
      s.seen++;
      double delta = norm - s.mean;
      s.mean += delta / s.seen;
      s.m2 += delta * (norm - s.mean);
      if (s.seen == warmupSteps) {
        s.variance = s.m2 / s.seen;
      }
      NormClipping.clipIfAbove(updates, norm, maxNorm, s.report());
      return updates;
    }
    double std = Math.sqrt(s.variance);
    double z = (norm - s.mean) / (std + eps);
    boolean spike = z > zThreshold;
    double adaptive = spike ? s.mean + zThreshold * zThreshold * std / z : norm;
    double threshold = Math.min(adaptive, maxNorm);
    NormClipping.clipIfAbove(updates, norm, threshold, s.report());
    double x = adaptive;
    s.mean = alpha * s.mean + (1 - alpha) * x;
    s.variance = alpha * s.variance + (1 - alpha) * (x - s.mean) * (x - s.mean);
    return updates;
  }

  /** EMA mean and variance of the norms, and the warm-up accumulators. */
  static final class Stats extends ClipState {
    int seen;
    double mean;
    double m2;
    double variance;
  }
}
