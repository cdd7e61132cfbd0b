package org.optbench.spec;

import static org.optbench.spec.ParamDef.choice;
import static org.optbench.spec.ParamDef.flag;
import static org.optbench.spec.ParamDef.optionalReal;
import static org.optbench.spec.ParamDef.real;

import java.util.List;

/** The optimizers specs can name. Names, defaults and semantics follow torch.optim. */
final class OptimizerDefs {

  private OptimizerDefs() {}

  /** [0, 1) for the betas: 1 would freeze the average, as torch.optim refuses too. */
  private static final Range BETA = Range.UNIT_HALF_OPEN;
  /** Adafactor's decay exponent: β̂2ₜ = 1 − t^c needs c < 0 (torch.optim.Adafactor: ≤ 0). */
  private static final Range NEGATIVE = new Range(Double.NEGATIVE_INFINITY, false, 0, true);
  /** Update-clipping thresholds of Adafactor: torch.optim.Adafactor requires d ≥ 1. */
  private static final Range AT_LEAST_ONE_REAL = new Range(1, true, Double.POSITIVE_INFINITY, false);

  /**
   * Which implementation runs on engine djl: {@code torch} (torch.optim's semantics, as every
   * engine) or {@code djl_builtin} (DJL's own optimizer, kept to measure how it departs).
   */
  private static ParamDef impl() {
    return choice("impl", "torch", List.of("torch", "djl_builtin"),
        "torch = torch.optim semantics; djl_builtin = DJL's own optimizer (engine djl only)");
  }

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
              real("weight_decay", 0.0, Range.NON_NEGATIVE, "L2 penalty added to the gradient"),
              impl()));

  static final ComponentDef ADAM =
      new ComponentDef(
          "adam",
          "Adam: bias-corrected first and second moment estimates",
          "Kingma & Ba 2015, Algorithm 1; torch.optim.Adam",
          List.of(
              real("lr", 1e-3, Range.POSITIVE, "learning rate α"),
              real("beta1", 0.9, BETA, "decay of the first moment"),
              real("beta2", 0.999, BETA, "decay of the second moment"),
              real("eps", 1e-8, Range.POSITIVE, "added to √v̂ in the denominator"),
              real("weight_decay", 0.0, Range.NON_NEGATIVE, "L2 penalty added to the gradient"),
              flag("amsgrad", false, "use the running maximum of v (Reddi et al. 2018)"),
              impl()));

  static final ComponentDef ADAMW =
      new ComponentDef(
          "adamw",
          "Adam with decoupled weight decay p ← p·(1 − lr·wd)",
          "Loshchilov & Hutter 2019; torch.optim.AdamW",
          List.of(
              real("lr", 1e-3, Range.POSITIVE, "learning rate α"),
              real("beta1", 0.9, BETA, "decay of the first moment"),
              real("beta2", 0.999, BETA, "decay of the second moment"),
              real("eps", 1e-8, Range.POSITIVE, "added to √v̂ in the denominator"),
              real("weight_decay", 1e-2, Range.NON_NEGATIVE, "decoupled weight decay λ"),
              flag("amsgrad", false, "use the running maximum of v (Reddi et al. 2018)"),
              impl()));

  static final ComponentDef AMSGRAD =
      new ComponentDef(
          "amsgrad",
          "Adam with the running maximum of the second moment",
          "Reddi et al. 2018; torch.optim.Adam(amsgrad=True)",
          List.of(
              real("lr", 1e-3, Range.POSITIVE, "learning rate α"),
              real("beta1", 0.9, BETA, "decay of the first moment"),
              real("beta2", 0.999, BETA, "decay of the second moment"),
              real("eps", 1e-8, Range.POSITIVE, "added to √v̂max in the denominator"),
              real("weight_decay", 0.0, Range.NON_NEGATIVE, "L2 penalty added to the gradient")));

  static final ComponentDef ADAGRAD =
      new ComponentDef(
          "adagrad",
          "AdaGrad: per-coordinate steps scaled by the root of the summed squared gradients",
          "Duchi et al. 2011; torch.optim.Adagrad",
          List.of(
              real("lr", 1e-2, Range.POSITIVE, "learning rate"),
              real("lr_decay", 0.0, Range.NON_NEGATIVE, "lr / (1 + (t − 1)·lr_decay)"),
              real("eps", 1e-10, Range.POSITIVE, "added to √sum in the denominator"),
              real("initial_accumulator_value", 0.0, Range.NON_NEGATIVE,
                  "starting value of the sum of squares"),
              real("weight_decay", 0.0, Range.NON_NEGATIVE, "L2 penalty added to the gradient")));

  static final ComponentDef RMSPROP =
      new ComponentDef(
          "rmsprop",
          "RMSprop: steps scaled by a moving root mean square of the gradient",
          "Tieleman & Hinton 2012; Graves 2013 (centered); torch.optim.RMSprop",
          List.of(
              real("lr", 1e-2, Range.POSITIVE, "learning rate"),
              real("alpha", 0.99, BETA, "decay of the squared-gradient average"),
              real("eps", 1e-8, Range.POSITIVE, "added to the root in the denominator"),
              real("momentum", 0.0, Range.NON_NEGATIVE, "momentum factor"),
              flag("centered", false, "divide by the estimated variance instead of the raw second moment"),
              real("weight_decay", 0.0, Range.NON_NEGATIVE, "L2 penalty added to the gradient")));

  static final ComponentDef YOGI =
      new ComponentDef(
          "yogi",
          "Yogi: Adam with an additive, sign-controlled second-moment update",
          "Zaheer et al. 2018, Algorithm 2; d2l.ai §12.10.3 (v₀ = 0)",
          List.of(
              real("lr", 1e-2, Range.POSITIVE, "learning rate"),
              real("beta1", 0.9, BETA, "decay of the first moment"),
              real("beta2", 0.999, BETA, "decay of the second moment"),
              real("eps", 1e-3, Range.POSITIVE, "added to √v̂ in the denominator")));

  static final ComponentDef ADAFACTOR =
      new ComponentDef(
          "adafactor",
          "Adafactor: factored second moment, relative step size, update clipping",
          "Shazeer & Stern 2018; transformers.optimization.Adafactor",
          List.of(
              optionalReal("lr", null, Range.POSITIVE, "external step size; null = relative step"),
              real("eps1", 1e-30, Range.POSITIVE, "added to g² (ε₁)"),
              real("eps2", 1e-3, Range.POSITIVE, "floor of the parameter RMS in the step size (ε₂)"),
              optionalReal("clip_threshold", 1.0, Range.POSITIVE,
                  "update clipping threshold d; null = no update clipping"),
              real("decay_rate", -0.8, NEGATIVE, "β̂2ₜ = 1 − t^decay_rate (unless beta2 is set)"),
              optionalReal("beta2", null, BETA,
                  "constant decay, bias-corrected: β̂2ₜ = β2(1 − β2^(t−1))/(1 − β2^t); null = decay_rate"),
              optionalReal("beta1", null, BETA, "first-moment decay; null = no momentum"),
              real("weight_decay", 0.0, Range.NON_NEGATIVE, "decoupled decay, times the step size"),
              flag("scale_parameter", true, "multiply the step by max(ε₂, RMS(p))"),
              flag("relative_step", true, "ρₜ = min(10⁻², 1/√t) instead of lr"),
              flag("warmup_init", false, "ρₜ = min(10⁻⁶·t, 1/√t) (needs relative_step)"),
              flag("factored", true,
                  "row and column second moments for rank ≥ 2 tensors; false keeps the full v")));

  static final ComponentDef ADAFACTOR_TORCH =
      new ComponentDef(
          "adafactor_torch",
          "Adafactor as torch.optim.Adafactor computes it (lr caps ρₜ, ε₁ as a floor)",
          "torch.optim.Adafactor (PyTorch 2.5+) documentation algorithm",
          List.of(
              real("lr", 1e-2, Range.POSITIVE, "γ: cap of ρₜ and weight-decay coefficient"),
              real("beta2_decay", -0.8, NEGATIVE, "β̂2ₜ = 1 − t^beta2_decay"),
              optionalReal("eps1", null, Range.POSITIVE, "floor of √v̂; null = float32 machine epsilon"),
              real("eps2", 1e-3, Range.POSITIVE, "floor of the parameter RMS in αₜ"),
              real("d", 1.0, AT_LEAST_ONE_REAL, "update clipping threshold"),
              real("weight_decay", 0.0, Range.NON_NEGATIVE, "decoupled decay p ← p·(1 − γλ)")));

  static final ComponentDef LION =
      new ComponentDef(
          "lion",
          "Lion: sign of an interpolated momentum, one state buffer",
          "Chen et al. 2023, Algorithm 2 (Symbolic Discovery of Optimization Algorithms)",
          List.of(
              real("lr", 1e-4, Range.POSITIVE, "learning rate"),
              real("beta1", 0.9, BETA, "interpolation of momentum and gradient for the sign"),
              real("beta2", 0.99, BETA, "decay of the momentum"),
              real("weight_decay", 0.0, Range.NON_NEGATIVE, "decoupled decay p ← p·(1 − lr·λ)")));

  static final List<ComponentDef> ALL =
      List.of(SGD, ADAM, ADAMW, AMSGRAD, ADAGRAD, RMSPROP, YOGI, ADAFACTOR, ADAFACTOR_TORCH, LION);
}
