package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchAdagrad;
import org.optbench.optim.alias.Optimizers;
import org.optbench.optim.alias.Recipe;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** torch.optim.Adagrad (Duchi et al. 2011). */
final class AdagradEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "adagrad",
      "AdaGrad: per-coordinate steps scaled by the root of the summed squared gradients",
      "Duchi et al. 2011; torch.optim.Adagrad",
      List.of(
          real("lr", 1e-2, Range.POSITIVE, "learning rate"),
          real("lr_decay", 0.0, Range.NON_NEGATIVE, "lr / (1 + (t − 1)·lr_decay)"),
          real("eps", 1e-10, Range.POSITIVE, "added to √sum in the denominator"),
          real("initial_accumulator_value", 0.0, Range.NON_NEGATIVE,
              "starting value of the sum of squares"),
          Hyperparameters.l2(0.0)));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return Optimizers.adagrad(o.number("lr_decay"), o.number("eps"),
        o.number("initial_accumulator_value"), o.number("weight_decay"));
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchAdagrad.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(
        Map.of("lr", 0.05, "lr_decay", 0.01, "initial_accumulator_value", 0.1),
        Map.of("lr", 0.05, "eps", 0.1, "weight_decay", 1e-2));
  }
}
