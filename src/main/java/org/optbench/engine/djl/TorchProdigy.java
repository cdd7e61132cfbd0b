package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import org.optbench.spec.Component;

/**
 * Prodigy (Mishchenko &amp; Defazio 2023) as optax.contrib.prodigy computes it, the native
 * {@code ProdigyUpdate}'s formula on NDArrays. With d the estimate the step starts from and
 * dlr = d·lr·√(1 − β2ᵗ)/(1 − β1ᵗ):
 *
 * <pre>
 *   r ← β3·r + (d/d₀)·dlr·Σ⟨g, x₀ − x⟩        (over every tensor)
 *   m ← β1·m + (1 − β1)·d·g;  v ← β2·v + (1 − β2)·(d·g)²;  s ← β3·s + (dlr/d₀)·d·g
 *   d' = max(d, coef·r/‖s‖₁)                  (‖s‖₁ over every tensor)
 *   x ← x − λ·dlr·x − dlr·m/(√v + d'·ε)
 * </pre>
 *
 * The per-tensor terms of r and ‖s‖₁ are libtorch reductions ({@link WholeStepOptimizer}).
 */
public final class TorchProdigy extends WholeStepOptimizer {

  private final double beta1;
  private final double beta2;
  private final double beta3;
  private final double eps;
  private final double d0;
  private final double coefficient;
  private final double weightDecay;
  private final boolean safeguardWarmup;
  private double d;
  private double numerator;

  private TorchProdigy(Component o, Tracker lr) {
    super(lr);
    beta1 = o.number("beta1");
    beta2 = o.number("beta2");
    Double b3 = o.optionalNumber("beta3");
    beta3 = b3 == null ? Math.sqrt(beta2) : b3;
    eps = o.number("eps");
    d0 = o.number("estim_lr0");
    coefficient = o.number("estim_lr_coef");
    weightDecay = o.number("weight_decay");
    safeguardWarmup = o.flag("safeguard_warmup");
    d = d0;
  }

  /** The engine optimizer of a resolved prodigy component. */
  public static Optimizer create(Component o, Tracker lr) {
    return new TorchProdigy(o, lr);
  }

  /** m, v, s and x₀, the parameters before the first step. */
  @Override
  protected int stateArrays() {
    return 4;
  }

  /** d, then the numerator r, as the native state keeps them. */
  @Override
  double[] scalars() {
    return new double[] {d, numerator};
  }

  @Override
  protected int scratchArrays() {
    return 1;
  }

  @Override
  protected NDArray[] newState(NDManager manager, NDArray weight) {
    NDArray[] state = super.newState(manager, weight);
    copy(state[3], weight);
    return state;
  }

  @Override
  protected void applyAll(int step, float lr, List<ParameterStep> parameters) {
    double dlr = d * lr * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step));
    NDArray dScale = stepScalar(0, (float) d);
    NDArray sScale = stepScalar(1, (float) ((safeguardWarmup ? d : dlr) / d0));
    double inner = 0;
    double sNorm = 0;
    for (ParameterStep p : parameters) {
      NDArray weight = p.weight();
      NDArray dg = p.grad();
      NDArray m = p.state()[0];
      NDArray v = p.state()[1];
      NDArray s = p.state()[2];
      NDArray t = p.scratch()[0];
      copy(t, p.state()[3]);
      inner += sum(t.subi(weight).muli(dg));
      dg.muli(dScale);
      copy(t, dg);
      m.muli(scalar((float) beta1)).addi(t.muli(scalar((float) (1 - beta1))));
      decaySquares(v, dg, beta2, t);
      copy(t, dg);
      s.muli(scalar((float) beta3)).addi(t.muli(sScale));
      copy(t, s);
      sNorm += sum(t.signi().muli(s));
      recordStepSize(step, d * lr, weight);
    }
    numerator = beta3 * numerator + (d / d0) * dlr * inner;
    // ‖s‖₁ = 0 only while every gradient so far was 0: d stays (optax would divide 0 by 0).
    double next = sNorm > 0 ? Math.max(d, coefficient * numerator / sNorm) : d;
    NDArray epsScale = stepScalar(2, (float) (next * eps));
    NDArray rate = stepScalar(3, (float) dlr);
    NDArray decay = stepScalar(4, (float) (weightDecay * dlr));
    for (ParameterStep p : parameters) {
      NDArray weight = p.weight();
      NDArray t = p.scratch()[0];
      try (NDArray denominator = p.state()[1].sqrt()) {
        denominator.addi(epsScale);
        copy(t, p.state()[0]);
        t.divi(denominator).muli(rate);
      }
      if (weightDecay != 0) {
        NDArray decayed = p.grad();
        copy(decayed, weight);
        t.addi(decayed.muli(decay));
      }
      weight.subi(t);
    }
    d = next;
  }
}
