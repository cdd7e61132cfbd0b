package org.optbench.registry;

import static org.optbench.spec.ParamDef.choice;
import static org.optbench.spec.ParamDef.flag;
import static org.optbench.spec.ParamDef.integer;
import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.optbench.engine.djl.TorchMuon;
import org.optbench.optim.alias.Recipe;
import org.optbench.optim.alias.StateFormula;
import org.optbench.optim.transform.MuonUpdate;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.ParamScope;
import org.optbench.spec.Range;

/**
 * torch.optim.Muon (Jordan et al. 2024) for 2-D matrices; the other tensors train with AdamW
 * unless a parameter group says otherwise (torch's documented pairing).
 */
final class MuonEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "muon",
      "momentum orthogonalised by Newton–Schulz for 2-D matrices; other tensors: adamw",
      "Jordan et al. 2024 (Muon; Newton–Schulz 5 with (3.4445, −4.7750, 2.0315)), Liu et al."
          + " 2025 (Moonshot's lr matching); torch.optim.Muon (PyTorch 2.13) with the"
          + " iteration in float64 instead of bfloat16",
      List.of(
          real("lr", 1e-3, Range.POSITIVE, "learning rate"),
          real("weight_decay", 0.1, Range.NON_NEGATIVE, "decoupled weight decay λ"),
          real("momentum", 0.95, Hyperparameters.BETA, "momentum μ of the gradient average"),
          flag("nesterov", true, "orthogonalise lerp(g, B, μ) instead of B"),
          real("ns_a", 3.4445, Range.ANY, "Newton–Schulz coefficient a"),
          real("ns_b", -4.7750, Range.ANY, "Newton–Schulz coefficient b"),
          real("ns_c", 2.0315, Range.ANY, "Newton–Schulz coefficient c"),
          integer("ns_steps", 5, new Range(1, true, 99, true), "Newton–Schulz iterations"),
          real("eps", 1e-7, Range.POSITIVE, "floor of the Frobenius norm"),
          choice("adjust_lr_fn", "original", List.of("original", "match_rms_adamw"),
              "lr scaling: √max(1, A/B) (Jordan) or 0.2·√max(A, B) (Moonshot)")))
      .withScope(new ParamScope(Set.of(2), "adamw", "updates 2-D matrices only"));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return new Recipe("muon", MuonUpdate.muon(new MuonUpdate.Settings(o.number("momentum"),
        o.flag("nesterov"), o.number("weight_decay"), o.number("ns_a"), o.number("ns_b"),
        o.number("ns_c"), o.integer("ns_steps"), o.number("eps"),
        MuonUpdate.LrAdjustment.named(o.text("adjust_lr_fn")))),
        StateFormula.perParam(1, "momentum B"), DEFINITION.reference());
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchMuon.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of("lr", 0.02, "nesterov", false, "weight_decay", 0.0),
        Map.of("lr", 0.02, "adjust_lr_fn", "match_rms_adamw", "ns_steps", 3));
  }
}
