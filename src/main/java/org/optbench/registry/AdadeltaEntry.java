package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchAdadelta;
import org.optbench.optim.alias.Recipe;
import org.optbench.optim.alias.StateFormula;
import org.optbench.optim.transform.AdadeltaUpdate;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** torch.optim.Adadelta (Zeiler 2012, Algorithm 1). */
final class AdadeltaEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "adadelta",
      "Adadelta: steps in the units of the parameters, from running averages of g² and Δ²",
      "Zeiler 2012, Algorithm 1 (ADADELTA); torch.optim.Adadelta",
      List.of(
          real("lr", 1.0, Range.POSITIVE, "multiplies the step (1 = the paper's rule)"),
          real("rho", 0.9, Range.UNIT_CLOSED, "decay of both running averages"),
          real("eps", 1e-6, Range.POSITIVE, "added inside both roots"),
          Hyperparameters.l2(0.0)));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return new Recipe("adadelta",
        AdadeltaUpdate.adadelta(o.number("rho"), o.number("eps"), o.number("weight_decay")),
        StateFormula.perParam(2, "square avg, delta avg"), DEFINITION.reference());
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchAdadelta.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(
        Map.of("lr", 1.0, "weight_decay", 1e-3),
        Map.of("lr", 0.5, "rho", 0.5, "eps", 1e-3));
  }
}
