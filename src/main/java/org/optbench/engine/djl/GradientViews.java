package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Flat views of every parameter's gradient tensor, for the global norm and for clipping.
 *
 * <p>PyTorch allocates a parameter's {@code .grad} at the first backward pass and afterwards
 * accumulates into it in place (AccumulateGrad, grad mode off during backward), and the optimizers
 * zero it in place too; so views taken once stay valid for the whole run. Fetching a fresh handle
 * per tensor and step costs about 1.5% of a small MLP's step. Because that reuse rests on
 * PyTorch's behaviour, it is verified at the second step against fresh handles and abandoned (in
 * favour of fresh handles every step) should the tensors ever differ.
 */
final class GradientViews {

  private final List<Parameter> parameters;
  private final NDManager owner;
  private List<NDArray> cached;
  private boolean verified;
  private boolean reuse = true;

  /**
   * @param parameters the model's parameters
   * @param owner manager that keeps the reused views alive for the run
   */
  GradientViews(List<Parameter> parameters, NDManager owner) {
    this.parameters = parameters;
    this.owner = owner;
  }

  /** The gradients of the backward pass just done, as flat views; call after every backward. */
  List<NDArray> current(NDManager stepManager) {
    if (!reuse) {
      return fresh(stepManager);
    }
    if (cached == null) {
      cached = fresh(owner);
      return cached;
    }
    if (!verified) {
      verified = true;
      List<NDArray> fresh = fresh(stepManager);
      if (GradientClipping.globalNorm(fresh) != GradientClipping.globalNorm(cached)) {
        reuse = false;
        return fresh;
      }
    }
    return cached;
  }

  /** Whether views are reused across steps (false once verification found them stale). */
  boolean reusing() {
    return reuse;
  }

  private List<NDArray> fresh(NDManager manager) {
    List<NDArray> views = new ArrayList<>(parameters.size());
    for (Parameter parameter : parameters) {
      NDArray grad = parameter.getArray().getGradient();
      grad.attach(manager);
      NDArray flat = grad.reshape(-1);
      flat.attach(manager);
      views.add(flat);
    }
    return views;
  }
}
