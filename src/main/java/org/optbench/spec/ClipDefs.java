package org.optbench.spec;

import static org.optbench.spec.ParamDef.real;

import java.util.List;

/** Gradient-clipping methods, applied to all gradients between backward and the optimizer step. */
final class ClipDefs {

  private ClipDefs() {}

  static final ComponentDef NONE =
      new ComponentDef("none", "no clipping", "-", List.of());

  static final ComponentDef GLOBAL_NORM =
      new ComponentDef(
          "global_norm",
          "rescale all gradients together when their joint L2 norm exceeds max_norm",
          "torch.nn.utils.clip_grad_norm_ (Pascanu et al. 2013)",
          List.of(real("max_norm", 1.0, Range.POSITIVE, "largest allowed global L2 norm")));

  static final List<ComponentDef> ALL = List.of(NONE, GLOBAL_NORM);
}
