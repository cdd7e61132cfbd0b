package org.optbench.registry;

import static org.optbench.spec.ParamDef.choice;
import static org.optbench.spec.ParamDef.integer;
import static org.optbench.spec.ParamDef.optionalReal;
import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchSophia;
import org.optbench.optim.alias.Recipe;
import org.optbench.optim.alias.StateFormula;
import org.optbench.optim.transform.SophiaUpdate;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.CurvatureNeed;
import org.optbench.spec.Range;

/**
 * Sophia (Liu et al. 2023) as optax.contrib.sophia, with the paper's Gauss–Newton–Bartlett
 * estimate of the Hessian diagonal computed by the training loop every update_interval steps.
 * optax's default estimator, Hutchinson's, needs Hessian-vector products (a second backward pass
 * through a graph of the first), which DJL's public API cannot record: its only backward,
 * {@code GradientCollector.backward}, calls libtorch's with {@code create_graph} false.
 */
final class SophiaEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "sophia",
      "Sophia: momentum over a clipped, slowly refreshed Hessian-diagonal estimate (GNB)",
      "Liu et al. 2023 (Sophia), Algorithms 2 (GNB estimator) and 3; optax.contrib.sophia"
          + " (0.2.8) for the update; default lr of the authors' SophiaG",
      List.of(
          real("lr", 1e-4, Range.POSITIVE, "learning rate"),
          Hyperparameters.beta1(0.965),
          real("beta2", 0.99, Hyperparameters.BETA, "decay of the Hessian-diagonal EMA"),
          real("eps", 1e-8, Range.POSITIVE, "floor of γ·h in the denominator"),
          real("weight_decay", 1e-4, Range.NON_NEGATIVE,
              "λ·p added to the clipped direction, then scaled by lr (optax)"),
          real("gamma", 0.01, Range.POSITIVE, "scale of h in the denominator (the paper's ρ)"),
          optionalReal("clip_threshold", 1.0, Range.POSITIVE,
              "bound of |u| per coordinate; null = no clip"),
          integer("update_interval", 10, Range.AT_LEAST_ONE,
              "steps between two Hessian-diagonal estimates (k)"),
          choice("estimator", "gnb", List.of("gnb"),
              "gnb = Gauss–Newton–Bartlett on labels sampled from the model (classification and"
                  + " language models); Hutchinson's needs a double backward DJL cannot record")))
      .withCurvature(CurvatureNeed.everyKSteps("update_interval"));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return new Recipe("sophia",
        SophiaUpdate.sophia(new SophiaUpdate.Options(o.number("beta1"), o.number("beta2"),
            o.number("eps"), o.number("gamma"), o.optionalNumber("clip_threshold"),
            o.number("weight_decay"), o.integer("update_interval"))),
        StateFormula.perParam(2, "m, h"), DEFINITION.reference());
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchSophia.create(o, lr);
  }

  /**
   * update_interval 3 so that several refreshes fall within the short runs; the second setting
   * has no clip and an ε large enough that max(γ·h, ε) takes both sides.
   */
  @Override
  public List<Map<String, Object>> crossChecks() {
    Map<String, Object> unclipped = new HashMap<>();
    unclipped.put("lr", 0.01);
    unclipped.put("clip_threshold", null);
    unclipped.put("eps", 0.05);
    unclipped.put("gamma", 0.05);
    unclipped.put("weight_decay", 0.1);
    unclipped.put("update_interval", 2);
    return List.of(Map.of("lr", 0.01, "update_interval", 3), unclipped);
  }
}
