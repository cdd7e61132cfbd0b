package org.optbench.registry;

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
import org.optbench.spec.Range;

/** torch.optim.AdamW (Loshchilov &amp; Hutter 2019). */
final class AdamWEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "adamw",
      "Adam with decoupled weight decay p ← p·(1 − lr·wd)",
      "Loshchilov & Hutter 2019; torch.optim.AdamW",
      List.of(
          AdamEntry.lr(),
          Hyperparameters.beta1(0.9),
          Hyperparameters.beta2(0.999),
          AdamEntry.eps("added to √v̂ in the denominator"),
          real("weight_decay", 1e-2, Range.NON_NEGATIVE, "decoupled weight decay λ"),
          AdamEntry.amsgrad(),
          Hyperparameters.impl()));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return Optimizers.adam(o.number("beta1"), o.number("beta2"), o.number("eps"),
        o.number("weight_decay"), true, o.flag("amsgrad"), true);
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchAdam.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of("lr", 0.01, "amsgrad", true));
  }
}
