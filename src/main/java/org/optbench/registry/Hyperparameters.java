package org.optbench.registry;

import static org.optbench.spec.ParamDef.choice;
import static org.optbench.spec.ParamDef.flag;
import static org.optbench.spec.ParamDef.real;

import java.util.List;
import org.optbench.spec.ParamDef;
import org.optbench.spec.Range;

/** Hyperparameters and ranges several optimizers share, named and described once. */
final class Hyperparameters {

  private Hyperparameters() {}

  /** [0, 1) for the betas: 1 would freeze the average, as torch.optim refuses too. */
  static final Range BETA = Range.UNIT_HALF_OPEN;

  static ParamDef beta1(double defaultValue) {
    return real("beta1", defaultValue, BETA, "decay of the first moment");
  }

  static ParamDef beta2(double defaultValue) {
    return real("beta2", defaultValue, BETA, "decay of the second moment");
  }

  /** Weight decay added to the gradient as an L2 term (torch.optim's default coupling). */
  static ParamDef l2(double defaultValue) {
    return real("weight_decay", defaultValue, Range.NON_NEGATIVE, "L2 penalty added to the gradient");
  }

  /**
   * Leave tensors of rank ≤ 1 (biases, normalisation scales) out of what {@code what} names:
   * optax's masks, all true by default.
   */
  static ParamDef excludeVectors(String what) {
    return flag("exclude_vectors", false, "tensors of rank ≤ 1 get no " + what);
  }

  /**
   * Which implementation runs on engine djl: {@code torch} (torch.optim's semantics, as every
   * engine) or {@code djl_builtin} (DJL's own optimizer, kept to measure how it departs).
   */
  static ParamDef impl() {
    return choice("impl", "torch", List.of("torch", "djl_builtin"),
        "torch = torch.optim semantics; djl_builtin = DJL's own optimizer (engine djl only)");
  }
}
