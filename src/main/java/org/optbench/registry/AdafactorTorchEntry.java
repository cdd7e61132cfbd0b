package org.optbench.registry;

import static org.optbench.spec.ParamDef.optionalReal;
import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchAdafactor;
import org.optbench.optim.alias.Optimizers;
import org.optbench.optim.alias.Recipe;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** torch.optim.Adafactor (PyTorch 2.5+), which departs from transformers' in ρₜ and ε₁. */
final class AdafactorTorchEntry implements OptimizerEntry {

  /** Update-clipping thresholds of Adafactor: torch.optim.Adafactor requires d ≥ 1. */
  private static final Range AT_LEAST_ONE_REAL =
      new Range(1, true, Double.POSITIVE_INFINITY, false);

  private static final ComponentDef DEFINITION = new ComponentDef(
      "adafactor_torch",
      "Adafactor as torch.optim.Adafactor computes it (lr caps ρₜ, ε₁ as a floor)",
      "torch.optim.Adafactor (PyTorch 2.5+) documentation algorithm",
      List.of(
          real("lr", 1e-2, Range.POSITIVE, "γ: cap of ρₜ and weight-decay coefficient"),
          real("beta2_decay", -0.8, AdafactorEntry.NEGATIVE, "β̂2ₜ = 1 − t^beta2_decay"),
          optionalReal("eps1", null, Range.POSITIVE, "floor of √v̂; null = float32 machine epsilon"),
          real("eps2", 1e-3, Range.POSITIVE, "floor of the parameter RMS in αₜ"),
          real("d", 1.0, AT_LEAST_ONE_REAL, "update clipping threshold"),
          real("weight_decay", 0.0, Range.NON_NEGATIVE, "decoupled decay p ← p·(1 − γλ)")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return Optimizers.adafactorTorch(o.number("beta2_decay"), o.optionalNumber("eps1"),
        o.number("eps2"), o.number("d"), o.number("weight_decay"));
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchAdafactor.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of("weight_decay", 1e-2),
        Map.of("lr", 0.5, "eps1", 1e-6, "d", 1.5, "beta2_decay", -0.6));
  }
}
