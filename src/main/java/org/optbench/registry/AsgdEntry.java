package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchAsgd;
import org.optbench.optim.alias.Recipe;
import org.optbench.optim.alias.StateFormula;
import org.optbench.optim.transform.AsgdUpdate;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** torch.optim.ASGD (Polyak &amp; Juditsky 1992; step size of Bottou 2012). */
final class AsgdEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "asgd",
      "Averaged SGD: decaying steps, with the average of the iterates kept as state",
      "Polyak & Juditsky 1992; Bottou 2012 (step size); torch.optim.ASGD",
      List.of(
          real("lr", 1e-2, Range.POSITIVE, "learning rate"),
          real("lambd", 1e-4, Range.NON_NEGATIVE, "decay term λ of the step size and of p"),
          real("alpha", 0.75, Range.NON_NEGATIVE, "power α of the step-size decay"),
          real("t0", 1e6, Range.NON_NEGATIVE, "step from which the iterates are averaged"),
          Hyperparameters.l2(0.0)));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return new Recipe("asgd",
        AsgdUpdate.asgd(o.number("lambd"), o.number("alpha"), o.number("t0"),
            o.number("weight_decay")),
        StateFormula.perParam(1, "average ax"), DEFINITION.reference());
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchAsgd.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(
        Map.of("lr", 0.05, "lambd", 1e-2, "t0", 10.0, "weight_decay", 1e-3),
        Map.of("lr", 0.05));
  }
}
