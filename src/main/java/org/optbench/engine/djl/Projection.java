package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import org.optbench.engine.analytic.BoxProjection;
import org.optbench.optim.ParamTree;
import org.optbench.workload.AnalyticObjective;
import org.optbench.workload.ModelSpec;

/**
 * Projection of the iterate onto the feasible box after each optimizer step: x ← clip(x, lower,
 * upper), the Euclidean projection onto [lower, upper]^d. Reddi et al. 2018 state Adam and
 * AMSGrad in this projected form (Algorithm 1, x_{t+1} = Π_F(·)) for their online problem.
 */
interface Projection {

  /** Projects the model's parameters in place; {@code manager} owns the temporaries. */
  void apply(List<Parameter> parameters, NDManager manager);

  /**
   * Projects a Java copy of the parameters in place, with the same values: a native optimizer
   * steps from its own copy, which must stay as feasible as the model's.
   */
  void apply(ParamTree params);

  /** No constraint. */
  Projection NONE = new Projection() {
    @Override
    public void apply(List<Parameter> parameters, NDManager manager) {}

    @Override
    public void apply(ParamTree params) {}
  };

  /** The workload's projection: a box for bounded analytic objectives, else none. */
  static Projection of(ModelSpec model) {
    BoxProjection box =
        model instanceof AnalyticObjective objective ? BoxProjection.of(objective) : null;
    if (box == null) {
      return NONE;
    }
    AnalyticObjective objective = (AnalyticObjective) model;
    float lower = objective.lower() == null ? Float.NEGATIVE_INFINITY : objective.lower().floatValue();
    float upper = objective.upper() == null ? Float.POSITIVE_INFINITY : objective.upper().floatValue();
    return new Projection() {
      @Override
      public void apply(List<Parameter> parameters, NDManager manager) {
        for (Parameter parameter : parameters) {
          NDArray x = parameter.getArray();
          try (NDManager scratch = manager.newSubManager()) {
            scratch.tempAttachAll(x);
            NDArray clipped = x.clip(lower, upper);
            // In place, so that the optimizer keeps its handle: 0·x + clip(x) is clip(x) exactly
            // (and NaN stays NaN, which the divergence policy must see).
            x.muli(0f).addi(clipped);
          }
        }
      }

      @Override
      public void apply(ParamTree params) {
        box.apply(params);
      }
    };
  }
}
