package org.optbench.registry;

import static org.optbench.spec.ParamDef.flag;
import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchAdam;
import org.optbench.optim.alias.Optimizers;
import org.optbench.optim.alias.Recipe;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.ParamDef;
import org.optbench.spec.Range;

/** torch.optim.Adam (Kingma &amp; Ba 2015, Algorithm 1). */
final class AdamEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "adam",
      "Adam: bias-corrected first and second moment estimates",
      "Kingma & Ba 2015, Algorithm 1; torch.optim.Adam",
      List.of(
          lr(),
          Hyperparameters.beta1(0.9),
          Hyperparameters.beta2(0.999),
          eps("added to √v̂ in the denominator"),
          Hyperparameters.l2(0.0),
          amsgrad(),
          Hyperparameters.impl()));

  static ParamDef lr() {
    return real("lr", 1e-3, Range.POSITIVE, "learning rate α");
  }

  static ParamDef eps(String description) {
    return real("eps", 1e-8, Range.POSITIVE, description);
  }

  static ParamDef amsgrad() {
    return flag("amsgrad", false, "use the running maximum of v (Reddi et al. 2018)");
  }

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return Optimizers.adam(o.number("beta1"), o.number("beta2"), o.number("eps"),
        o.number("weight_decay"), false, o.flag("amsgrad"), true);
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchAdam.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of("lr", 0.01, "weight_decay", 1e-3),
        Map.of("lr", 0.01, "beta1", 0.5, "beta2", 0.9, "eps", 0.1));
  }
}
