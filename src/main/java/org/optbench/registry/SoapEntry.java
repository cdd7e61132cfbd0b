package org.optbench.registry;

import static org.optbench.spec.ParamDef.flag;
import static org.optbench.spec.ParamDef.integer;
import static org.optbench.spec.ParamDef.optionalReal;
import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchSoap;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.optim.alias.Recipe;
import org.optbench.optim.alias.StateFormula;
import org.optbench.optim.linalg.MatrixShape;
import org.optbench.optim.transform.SoapUpdate;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** SOAP (Vyas et al. 2024): Adam in the eigenbasis of Shampoo's preconditioners. */
final class SoapEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "soap",
      "SOAP: Adam in the eigenbasis of Shampoo's preconditioners",
      "Vyas et al. 2024, Algorithm 3; the authors' soap.py (github.com/nikhilvyas/SOAP);"
          + " no library reference: vectors from an independent float64 NumPy implementation",
      List.of(
          real("lr", 3e-3, Range.POSITIVE, "learning rate"),
          Hyperparameters.beta1(0.95),
          Hyperparameters.beta2(0.95),
          optionalReal("shampoo_beta", null, Hyperparameters.BETA,
              "decay of the statistics L and R; null = beta2"),
          real("eps", 1e-8, Range.POSITIVE, "added to √v in the rotated basis"),
          real("weight_decay", 0.01, Range.NON_NEGATIVE,
              "decoupled, p ← p − lr·λ·p after the step"),
          integer("precondition_frequency", 10, Range.AT_LEAST_ONE,
              "steps between basis refreshes (one power-iteration step and a QR)"),
          integer("max_precond_dim", 10000, Range.AT_LEAST_ONE,
              "dimensions above it are not rotated"),
          flag("precondition_1d", false, "rotate vectors (biases) too"),
          flag("correct_bias", true, "Adam's bias corrections in the step size")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    SoapUpdate.Options options = options(o);
    return new Recipe("soap", SoapUpdate.soap(options),
        new StateFormula("8·n (m, v) + Σ per rotated dimension d: 8·d² (statistic and basis)",
            params -> bytes(params, options)),
        DEFINITION.reference());
  }

  /** The settings of a resolved soap component, for both engines. */
  static SoapUpdate.Options options(Component o) {
    Double shampooBeta = o.optionalNumber("shampoo_beta");
    return new SoapUpdate.Options(o.number("beta1"), o.number("beta2"),
        shampooBeta == null ? o.number("beta2") : shampooBeta, o.number("eps"),
        o.number("weight_decay"), o.integer("precondition_frequency"),
        o.integer("max_precond_dim"), o.flag("precondition_1d"), o.flag("correct_bias"));
  }

  /** The state formula: m and v, and a statistic and a basis per rotated dimension. */
  static long bytes(ParamTree params, SoapUpdate.Options o) {
    long bytes = 0;
    for (Tensor t : params) {
      MatrixShape shape = MatrixShape.of(t.shape());
      bytes += 8L * t.size();
      boolean rows = shape.rows() <= o.maxPrecondDim()
          && (t.rank() >= 2 || (t.rank() == 1 && o.precondition1d()));
      if (rows) {
        bytes += 8L * shape.rows() * shape.rows();
      }
      if (shape.hasRightSide() && shape.cols() <= o.maxPrecondDim()) {
        bytes += 8L * shape.cols() * shape.cols();
      }
    }
    return bytes;
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchSoap.create(options(o), lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    // The first setting, crossed with every clipping method, rotates only dimensions whose first
    // statistic has full rank (the 8 inputs and 3 outputs of the lockstep MLP): a clipped
    // gradient differs by an ulp between engines, and the eigenbasis of a rank-deficient
    // statistic's null space is then arbitrary (so is soap.py's). Unclipped, both engines see
    // the same bits and compute the same basis, degenerate or not (the second setting).
    return List.of(
        Map.of("lr", 0.01, "precondition_frequency", 3, "max_precond_dim", 8,
            "shampoo_beta", 0.9),
        Map.of("lr", 0.01, "precondition_frequency", 1, "weight_decay", 0.0, "beta1", 0.9,
            "beta2", 0.99, "eps", 1e-6, "precondition_1d", true));
  }
}
