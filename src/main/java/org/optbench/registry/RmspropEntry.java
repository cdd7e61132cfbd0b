package org.optbench.registry;

import static org.optbench.spec.ParamDef.flag;
import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchRmsProp;
import org.optbench.optim.alias.Optimizers;
import org.optbench.optim.alias.Recipe;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** torch.optim.RMSprop (Tieleman &amp; Hinton 2012; centered: Graves 2013). */
final class RmspropEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "rmsprop",
      "RMSprop: steps scaled by a moving root mean square of the gradient",
      "Tieleman & Hinton 2012; Graves 2013 (centered); torch.optim.RMSprop",
      List.of(
          real("lr", 1e-2, Range.POSITIVE, "learning rate"),
          real("alpha", 0.99, Hyperparameters.BETA, "decay of the squared-gradient average"),
          real("eps", 1e-8, Range.POSITIVE, "added to the root in the denominator"),
          real("momentum", 0.0, Range.NON_NEGATIVE, "momentum factor"),
          flag("centered", false, "divide by the estimated variance instead of the raw second moment"),
          Hyperparameters.l2(0.0)));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return Optimizers.rmsprop(o.number("alpha"), o.number("eps"),
        o.number("momentum"), o.flag("centered"), o.number("weight_decay"));
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchRmsProp.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(
        Map.of("lr", 0.005, "momentum", 0.5, "centered", true, "weight_decay", 1e-3),
        Map.of("lr", 0.005, "eps", 0.1));
  }
}
