package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.optbench.optim.StepContext;
import org.optbench.spec.Component;

/**
 * torch.nn.utils.clip_grad_norm_ (Pascanu et al. 2013, §3.2): when the global norm exceeds
 * max_norm, every gradient is multiplied by max_norm / (norm + 1e-6). The 1e-6 is torch's guard
 * against division by zero; it leaves the clipped norm a hair below max_norm. The direction of the
 * joint gradient vector is unchanged.
 */
public final class GlobalNormClipping implements GradientClipping {

  /** torch's additive guard in the clipping coefficient. */
  static final double GUARD = 1e-6;

  private final double maxNorm;

  /** The engine clipping of a resolved global_norm component. */
  public static GradientClipping create(Component clip) {
    return new GlobalNormClipping(clip.number("max_norm"));
  }

  GlobalNormClipping(double maxNorm) {
    this.maxNorm = maxNorm;
  }

  @Override
  public double apply(List<NDArray> grads, List<NDArray> weights, double norm, StepContext c) {
    return GradientClipping.clipToNorm(grads, norm, maxNorm);
  }

  @Override
  public double threshold() {
    return maxNorm;
  }
}
