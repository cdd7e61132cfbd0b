package org.optbench.spec;

import static org.optbench.spec.ParamDef.choice;
import static org.optbench.spec.ParamDef.integer;
import static org.optbench.spec.ParamDef.integers;
import static org.optbench.spec.ParamDef.real;

import java.util.List;

/** Workloads: a model, the dataset it trains on, and the data sizes. Keyed by {@code model}. */
final class WorkloadDefs {

  private WorkloadDefs() {}

  static final ComponentDef LINEAR_REGRESSION =
      new ComponentDef(
          "linear_regression",
          "y = Xw + b + noise fitted by a linear layer with mean squared error",
          "d2l.ai §3.1; Kingma & Ba 2015 §6.1 (convex baseline)",
          List.of(
              choice("dataset", "synthetic_linear", List.of("synthetic_linear"), "data source"),
              integer("features", 10, Range.AT_LEAST_ONE, "input dimension"),
              integer("batch_size", 16, Range.AT_LEAST_ONE, "examples per step"),
              integer("train_size", 1000, Range.AT_LEAST_ONE, "training examples"),
              integer("eval_size", 200, Range.AT_LEAST_ONE, "held-out examples"),
              real("noise", 0.01, Range.NON_NEGATIVE, "standard deviation of label noise")));

  static final ComponentDef MLP =
      new ComponentDef(
          "mlp",
          "multilayer perceptron (ReLU) with a softmax cross-entropy head",
          "Kingma & Ba 2015 §6.2",
          List.of(
              choice("dataset", "synthetic_blobs", List.of("synthetic_blobs"), "data source"),
              integers("hidden", List.of(64), Range.AT_LEAST_ONE, "hidden layer widths"),
              integer("classes", 3, new Range(2, true, Double.POSITIVE_INFINITY, false),
                  "number of classes (blobs)"),
              integer("features", 2, Range.AT_LEAST_ONE, "input dimension"),
              integer("batch_size", 64, Range.AT_LEAST_ONE, "examples per step"),
              integer("train_size", 2000, Range.AT_LEAST_ONE, "training examples"),
              integer("eval_size", 500, Range.AT_LEAST_ONE, "held-out examples"),
              real("spread", 1.0, Range.POSITIVE, "standard deviation of each blob")));

  static final List<ComponentDef> ALL = List.of(LINEAR_REGRESSION, MLP);
}
