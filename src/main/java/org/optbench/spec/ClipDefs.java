package org.optbench.spec;

import static org.optbench.spec.ParamDef.integer;
import static org.optbench.spec.ParamDef.real;

import java.util.List;

/** Gradient-clipping methods, applied to all gradients between backward and the optimizer step. */
final class ClipDefs {

  private ClipDefs() {}

  private static final Range PERCENT = new Range(0, true, 100, true);
  private static final Range GROWTH = new Range(1, true, Double.POSITIVE_INFINITY, false);
  private static final Range SHRINK = new Range(0, false, 1, true);

  static final ComponentDef NONE =
      new ComponentDef("none", "no clipping", "-", List.of());

  static final ComponentDef GLOBAL_NORM =
      new ComponentDef(
          "global_norm",
          "rescale all gradients together when their joint L2 norm exceeds max_norm",
          "torch.nn.utils.clip_grad_norm_ (Pascanu et al. 2013)",
          List.of(real("max_norm", 1.0, Range.POSITIVE, "largest allowed global L2 norm")));

  static final ComponentDef VALUE =
      new ComponentDef(
          "value",
          "clamp every gradient element into [−max_value, max_value]",
          "torch.nn.utils.clip_grad_value_",
          List.of(real("max_value", 1.0, Range.POSITIVE, "largest allowed |g| per element")));

  static final ComponentDef PARAM_NORM =
      new ComponentDef(
          "param_norm",
          "rescale each tensor's gradient on its own when its L2 norm exceeds max_norm",
          "torch.nn.utils.clip_grad_norm_ applied to one tensor at a time",
          List.of(real("max_norm", 1.0, Range.POSITIVE, "largest allowed L2 norm per tensor")));

  static final ComponentDef AGC =
      new ComponentDef(
          "agc",
          "adaptive gradient clipping: unit-wise ‖g‖/max(‖w‖, eps) capped at λ",
          "Brock et al. 2021 (NFNets) §4.1; unit = slice along dim 0 (timm layout)",
          List.of(
              real("clipping", 0.01, Range.POSITIVE, "λ: largest allowed unit-wise ratio"),
              real("eps", 1e-3, Range.POSITIVE, "floor of the weight norm")));

  static final ComponentDef AUTOCLIP =
      new ComponentDef(
          "autoclip",
          "global-norm clipping at the p-th percentile of all gradient norms seen so far",
          "Seetharaman et al. 2020 (AutoClip)",
          List.of(real("percentile", 10.0, PERCENT, "p, in percent, of the norm history")));

  static final ComponentDef ZCLIP =
      new ComponentDef(
          "zclip",
          "clip the global norm when its z-score against an EMA of mean/variance exceeds z",
          "Kumar et al. 2025 (ZClip), zscore mode with adaptive scaling",
          List.of(
              real("alpha", 0.97, Range.UNIT_HALF_OPEN, "EMA decay of mean and variance"),
              real("z_threshold", 2.5, Range.POSITIVE, "z-score above which a norm is a spike"),
              integer("warmup_steps", 25, Range.AT_LEAST_ONE, "steps whose norms seed the EMA"),
              real("eps", 1e-6, Range.POSITIVE, "added to σ in the z-score"),
              ParamDef.optionalReal("max_norm", null, Range.POSITIVE,
                  "fixed global-norm ceiling on top (null = none)")));

  static final ComponentDef STAT =
      new ComponentDef(
          "stat",
          "clamp each element into [−τ, τ], τ = mean + k·std of the tensor's |g|",
          "optbench (statistical element clipping)",
          List.of(real("k", 3.0, Range.POSITIVE, "standard deviations above the mean")));

  static final ComponentDef LR_SCALED =
      new ComponentDef(
          "lr_scaled",
          "global-norm clipping with threshold c·lr, following the schedule",
          "optbench (threshold proportional to the current learning rate)",
          List.of(real("c", 1000.0, Range.POSITIVE, "threshold per unit of learning rate")));

  static final ComponentDef LOSS_FEEDBACK =
      new ComponentDef(
          "loss_feedback",
          "global-norm clipping whose threshold grows when the loss rises and shrinks when it falls",
          "optbench (multiplicative threshold feedback on the training loss)",
          List.of(
              real("initial_norm", 1.0, Range.POSITIVE, "threshold at step 1"),
              real("grow", 1.1, GROWTH, "factor applied when the loss rose"),
              real("shrink", 0.99, SHRINK, "factor applied when the loss fell"),
              real("min_norm", 1e-2, Range.POSITIVE, "lower bound of the threshold"),
              real("max_norm", 1e2, Range.POSITIVE, "upper bound of the threshold")));

  static final List<ComponentDef> ALL =
      List.of(NONE, GLOBAL_NORM, VALUE, PARAM_NORM, AGC, AUTOCLIP, ZCLIP, STAT, LR_SCALED,
          LOSS_FEEDBACK);
}
