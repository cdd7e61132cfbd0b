package org.optbench.spec;

import static org.optbench.spec.ParamDef.flag;
import static org.optbench.spec.ParamDef.real;

import java.util.List;

/** The optimizers specs can name. Names, defaults and semantics follow torch.optim. */
final class OptimizerDefs {

  private OptimizerDefs() {}

  static final ComponentDef SGD =
      new ComponentDef(
          "sgd",
          "stochastic gradient descent with optional (Nesterov) momentum",
          "torch.optim.SGD",
          List.of(
              real("lr", 1e-3, Range.POSITIVE, "learning rate"),
              real("momentum", 0.0, Range.NON_NEGATIVE, "momentum factor μ"),
              real("dampening", 0.0, Range.UNIT_CLOSED, "dampening for momentum"),
              flag("nesterov", false, "Nesterov momentum (needs momentum > 0, dampening 0)"),
              real("weight_decay", 0.0, Range.NON_NEGATIVE, "L2 penalty added to the gradient")));

  static final ComponentDef ADAM =
      new ComponentDef(
          "adam",
          "Adam: bias-corrected first and second moment estimates",
          "Kingma & Ba 2015, Algorithm 1; torch.optim.Adam",
          List.of(
              real("lr", 1e-3, Range.POSITIVE, "learning rate α"),
              real("beta1", 0.9, Range.UNIT_HALF_OPEN, "decay of the first moment"),
              real("beta2", 0.999, Range.UNIT_HALF_OPEN, "decay of the second moment"),
              real("eps", 1e-8, Range.POSITIVE, "added to √v̂ in the denominator"),
              real("weight_decay", 0.0, Range.NON_NEGATIVE, "L2 penalty added to the gradient"),
              flag("amsgrad", false, "use the running maximum of v (Reddi et al. 2018)")));

  static final List<ComponentDef> ALL = List.of(SGD, ADAM);
}
