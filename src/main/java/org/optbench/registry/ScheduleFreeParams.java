package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import org.optbench.spec.ParamDef;
import org.optbench.spec.Range;

/** The hyperparameters both Schedule-Free optimizers have, with optax's defaults. */
final class ScheduleFreeParams {

  private ScheduleFreeParams() {}

  /**
   * (0, 1]: β1 = 1 is primal averaging (y = x); β1 = 0 (y = z, Polyak averaging) is refused, as
   * optax refuses it, because x = (y − (1 − β1)·z)/β1 is recovered from y and z.
   */
  static final Range INTERPOLATION = new Range(0, false, 1, true);

  static ParamDef beta1() {
    return real("beta1", 0.9, INTERPOLATION,
        "interpolation y = (1 − β1)·z + β1·x (optax's b1; the reference's momentum)");
  }

  static ParamDef weightLrPower() {
    return real("weight_lr_power", 2.0, Range.NON_NEGATIVE,
        "averaging weights max_lr^power, cₜ = wₜ/Σw (0: the uniform average)");
  }
}
