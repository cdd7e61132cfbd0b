package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.optbench.optim.StepContext;
import org.optbench.optim.TreeMath;
import org.optbench.spec.Component;

/**
 * Clipping applied to all gradients together, between backward and the optimizer step. The
 * gradient handles share memory with PyTorch's, so changing them in place is what the step sees.
 * DJL's {@code optClipGrad} is not used: on the PyTorch engine it is a one-sided clamp_max. Each
 * method follows the rule of its native counterpart in {@code optim.transform}.
 */
public interface GradientClipping {

  /**
   * Clips {@code grads} in place.
   *
   * @param grads every parameter's gradient, flattened views
   * @param weights the parameters, in the same order, with their shapes (AGC reads them)
   * @param norm the gradients' global L2 norm before clipping
   * @param context the step number, its scheduled lr and its training loss
   * @return the global norm after clipping (equal to {@code norm} when nothing changed)
   */
  double apply(List<NDArray> grads, List<NDArray> weights, double norm, StepContext context);

  /**
   * Called before every {@link #apply}, with the weights still owned by their own manager:
   * methods that keep per-parameter scratch arrays ({@link ClipScratch}) make them here, once.
   */
  default void reserve(List<NDArray> weights) {}

  /**
   * The threshold the last {@link #apply} used, as the native {@code ClipReport} records it:
   * max_norm or max_value for fixed methods, the adaptive value for autoclip, zclip, stat
   * (largest τ over tensors), lr_scaled and loss_feedback, λ for agc; NaN without clipping.
   */
  default double threshold() {
    return Double.NaN;
  }

  /**
   * {@link #reserve} then {@link #apply}, with every temporary the method makes freed before
   * returning: they are made under a scratch manager below {@code stepManager}, to which the
   * gradients and weights are attached for the call only.
   */
  default double applyInScope(List<NDArray> grads, List<NDArray> weights, double norm,
      StepContext context, NDManager stepManager) {
    reserve(weights);
    try (NDManager scratch = stepManager.newSubManager()) {
      scratch.tempAttachAll(new NDList(grads), new NDList(weights));
      return apply(grads, weights, norm, context);
    }
  }

  /** No clipping. */
  GradientClipping NONE = (grads, weights, norm, context) -> norm;

  /** The clipping a spec's resolved clip component asks for, from the registry. */
  static GradientClipping of(Component clip) {
    return EngineComponentProvider.installed().clipping(clip);
  }

  /**
   * √(Σ‖gᵢ‖²) over all tensors: torch.nn.utils.clip_grad_norm_'s total norm for p = 2, +∞ when
   * the total overflows float32 as torch's does ({@link TreeMath#float32Norm}), whether one
   * tensor's float32 sum or only the total over tensors does.
   */
  static double globalNorm(List<NDArray> grads) {
    double sumOfSquares = 0;
    for (NDArray grad : grads) {
      sumOfSquares += sumOfSquares(grad);
    }
    return TreeMath.float32Norm(sumOfSquares);
  }

  /** Σg² of one tensor. */
  static double sumOfSquares(NDArray grad) {
    // g·g of the flattened tensor is one BLAS dot product: about 3× faster here than norm(),
    // and per step this is the largest cost the harness adds to a bare training loop.
    if (grad.getShape().dimension() == 1) {
      try (NDArray squares = grad.dot(grad)) {
        return squares.getFloat();
      }
    }
    try (NDArray flat = grad.reshape(-1);
        NDArray squares = flat.dot(flat)) {
      return squares.getFloat();
    }
  }

  /**
   * torch.nn.utils.clip_grad_norm_'s rescaling: coef = threshold / (norm + 1e-6), applied when
   * below 1. Returns the norm after.
   */
  static double clipToNorm(List<NDArray> grads, double norm, double threshold) {
    double coefficient = threshold / (norm + GlobalNormClipping.GUARD);
    if (coefficient >= 1.0) {
      return norm;
    }
    for (NDArray grad : grads) {
      grad.muli((float) coefficient);
    }
    return norm * coefficient;
  }

  /** Overwrites a gradient view with {@code values} in place ({@link InPlaceCopy}). */
  static void overwrite(NDArray grad, NDArray values) {
    InPlaceCopy.into(grad, values);
  }
}
