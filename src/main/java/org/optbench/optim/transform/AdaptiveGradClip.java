package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;

/**
 * Adaptive gradient clipping (Brock et al. 2021, "High-Performance Large-Scale Image Recognition
 * Without Normalization", §4.1, eq. 3): for every unit i,
 * {@code Gᵢ ← λ·(max(‖Wᵢ‖, ε) / ‖Gᵢ‖)·Gᵢ} when {@code ‖Gᵢ‖ / max(‖Wᵢ‖, ε) > λ}.
 *
 * <p>A unit is one slice along dimension 0 (an output row of a torch-layout {@code [out, in]}
 * weight, one filter of a conv kernel), as timm's {@code unitwise_norm}; vectors and scalars are
 * a single unit, as in the NFNets code. The report's threshold is λ.
 */
public final class AdaptiveGradClip implements GradientTransform {

  /** timm clamps the gradient norm from below before dividing. */
  private static final double MIN_GRAD_NORM = 1e-6;

  private final double clipping;
  private final double eps;

  private AdaptiveGradClip(double clipping, double eps) {
    this.clipping = clipping;
    this.eps = eps;
  }

  public static GradientTransform adaptiveGradClip(double clipping, double eps) {
    return new AdaptiveGradClip(clipping, eps);
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
      Tensor w = params.get(i);
      float[] g = updates.data(i);
      float[] p = w.data();
      int units = w.rank() <= 1 || w.size() == 0 ? 1 : w.dim(0);
      int width = units == 0 ? 0 : g.length / units;
      for (int u = 0; u < units; u++) {
        int from = u * width;
        double gSquares = 0;
        double wSquares = 0;
        for (int j = from; j < from + width; j++) {
          gSquares += (double) g[j] * g[j];
          wSquares += (double) p[j] * p[j];
        }
        before += gSquares;
        double gNorm = Math.sqrt(gSquares);
        double maxNorm = Math.max(Math.sqrt(wSquares), eps) * clipping;
        if (gNorm > maxNorm) {
          double coef = maxNorm / Math.max(gNorm, MIN_GRAD_NORM);
          float f = (float) coef;
          for (int j = from; j < from + width; j++) {
            g[j] *= f;
          }
          after += gSquares * coef * coef;
          clipped = true;
        } else {
          after += gSquares;
        }
      }
    }
    ((ClipState) state).report().set(Math.sqrt(before), Math.sqrt(after), clipped, clipping);
    return updates;
  }
}
