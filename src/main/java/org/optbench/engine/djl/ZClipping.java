package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.optbench.optim.StepContext;
import org.optbench.spec.Component;

/**
 * ZClip (Kumar et al. 2025, Algorithm 1; the authors' zscore mode with adaptive scaling): the
 * first warmup_steps norms seed μ and σ² (population); afterwards a norm with
 * z = (‖g‖ − μ)/(σ + eps) > z_thr is clipped to τ = μ + z_thr²·σ/z, and μ, σ² follow an EMA of τ
 * (on a spike) or ‖g‖. An optional max_norm is a fixed ceiling. Rescales only when the norm is
 * above the threshold (the authors' rule, unlike clip_grad_norm_).
 */
public final class ZClipping implements GradientClipping {

  private final double alpha;
  private final double zThreshold;
  private final int warmupSteps;
  private final double eps;
  private final double maxNorm;
  private int seen;
  private double mean;
  private double m2;
  private double variance;
  private double threshold = Double.NaN;

  /** The engine clipping of a resolved zclip component. */
  public static GradientClipping create(Component clip) {
    return new ZClipping(clip.number("alpha"), clip.number("z_threshold"),
        clip.integer("warmup_steps"), clip.number("eps"), clip.optionalNumber("max_norm"));
  }

  ZClipping(double alpha, double zThreshold, int warmupSteps, double eps, Double maxNorm) {
    this.alpha = alpha;
    this.zThreshold = zThreshold;
    this.warmupSteps = warmupSteps;
    this.eps = eps;
    this.maxNorm = maxNorm == null ? Double.POSITIVE_INFINITY : maxNorm;
  }

  @Override
  public double apply(List<NDArray> grads, List<NDArray> weights, double norm, StepContext c) {
    if (seen < warmupSteps) {
      // Welford: the warm-up norms' population variance without keeping them.
      seen++;
      double delta = norm - mean;
      mean += delta / seen;
      m2 += delta * (norm - mean);
      if (seen == warmupSteps) {
        variance = m2 / seen;
      }
      threshold = maxNorm;
      return clipIfAbove(grads, norm, maxNorm);
    }
    double std = Math.sqrt(variance);
    double z = (norm - mean) / (std + eps);
    double adaptive = z > zThreshold ? mean + zThreshold * zThreshold * std / z : norm;
    threshold = Math.min(adaptive, maxNorm);
    double after = clipIfAbove(grads, norm, threshold);
    mean = alpha * mean + (1 - alpha) * adaptive;
    variance = alpha * variance + (1 - alpha) * (adaptive - mean) * (adaptive - mean);
    return after;
  }

  private static double clipIfAbove(List<NDArray> grads, double norm, double threshold) {
    if (norm <= threshold) {
      return norm;
    }
    double coefficient = threshold / (norm + GlobalNormClipping.GUARD);
    for (NDArray grad : grads) {
      grad.muli((float) coefficient);
    }
    return norm * coefficient;
  }

  @Override
  public double threshold() {
    return threshold;
  }
}
