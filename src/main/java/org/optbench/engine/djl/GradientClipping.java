package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.optbench.spec.Component;

/**
 * Clipping applied to all gradients together, between backward and the optimizer step. The
 * gradient handles share memory with PyTorch's, so scaling them in place is what the step sees.
 * DJL's {@code optClipGrad} is not used: on the PyTorch engine it is a one-sided clamp_max.
 */
interface GradientClipping {

  /**
   * Clips {@code grads} in place.
   *
   * @param grads every parameter's gradient
   * @param norm their global L2 norm before clipping
   * @return the global norm after clipping (equal to {@code norm} when nothing changed)
   */
  double apply(List<NDArray> grads, double norm);

  /** The clipping a spec's resolved clip component asks for. */
  static GradientClipping of(Component clip) {
    return switch (clip.name()) {
      case "none" -> (grads, norm) -> norm;
      case "global_norm" -> new GlobalNormClipping(clip.number("max_norm"));
      default ->
          throw new IllegalArgumentException(
              "clipping " + clip.name() + " has no engine implementation for djl");
    };
  }

  /** √(Σ‖gᵢ‖²) over all tensors: torch.nn.utils.clip_grad_norm_'s total norm for p = 2. */
  static double globalNorm(List<NDArray> grads) {
    double sumOfSquares = 0;
    for (NDArray grad : grads) {
      // g·g of the flattened tensor is one BLAS dot product: about 3× faster here than norm(),
      // and per step this is the largest cost the harness adds to a bare training loop.
      if (grad.getShape().dimension() == 1) {
        try (NDArray squares = grad.dot(grad)) {
          sumOfSquares += squares.getFloat();
        }
      } else {
        try (NDArray flat = grad.reshape(-1);
            NDArray squares = flat.dot(flat)) {
          sumOfSquares += squares.getFloat();
        }
      }
    }
    return Math.sqrt(sumOfSquares);
  }
}
