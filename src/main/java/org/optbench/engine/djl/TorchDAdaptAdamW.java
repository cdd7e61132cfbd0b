package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import org.optbench.spec.Component;

/**
 * D-Adaptation's Adam with decoupled weight decay (Defazio &amp; Mishchenko 2023) as
 * optax.contrib.dadapt_adamw computes it, the native {@code DAdaptAdamWUpdate}'s formula on
 * NDArrays. With d the estimate the step starts from, dlr = d·lr·√(1 − β2ᵗ)/(1 − β1ᵗ) and
 * β = √β2:
 *
 * <pre>
 *   r ← β·r + (1 − β)·dlr·Σ⟨g, s/(√v + ε)⟩     (last step's s and v, over every tensor)
 *   m ← β1·m + (1 − β1)·dlr·g;  v ← β2·v + (1 − β2)·g²;  s ← β·s + (1 − β)·dlr·g
 *   x ← x − λ·dlr·x − m/(√v + ε)
 *   d ← max(d, r/((1 − β)·‖s‖₁))               (‖s‖₁ over every tensor; used from the next step)
 * </pre>
 */
public final class TorchDAdaptAdamW extends WholeStepOptimizer {

  private final double beta1;
  private final double beta2;
  private final double sqrtBeta2;
  private final float eps;
  private final double weightDecay;
  private double d;
  private double numerator;

  private TorchDAdaptAdamW(Component o, Tracker lr) {
    super(lr);
    beta1 = o.number("beta1");
    beta2 = o.number("beta2");
    sqrtBeta2 = Math.sqrt(beta2);
    eps = (float) o.number("eps");
    weightDecay = o.number("weight_decay");
    d = o.number("estim_lr0");
  }

  /** The engine optimizer of a resolved dadapt_adamw component. */
  public static Optimizer create(Component o, Tracker lr) {
    return new TorchDAdaptAdamW(o, lr);
  }

  /** m, v and s. */
  @Override
  protected int stateArrays() {
    return 3;
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
  protected void applyAll(int step, float lr, List<ParameterStep> parameters) {
    double dlr = d * lr * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step));
    NDArray mScale = stepScalar(0, (float) ((1 - beta1) * dlr));
    NDArray sScale = stepScalar(1, (float) ((1 - sqrtBeta2) * dlr));
    NDArray decay = stepScalar(2, (float) (weightDecay * dlr));
    double inner = 0;
    double sNorm = 0;
    for (ParameterStep p : parameters) {
      NDArray weight = p.weight();
      NDArray g = p.grad();
      NDArray m = p.state()[0];
      NDArray v = p.state()[1];
      NDArray s = p.state()[2];
      NDArray t = p.scratch()[0];
      try (NDArray denominator = v.sqrt()) {
        denominator.addi(scalar(eps));
        copy(t, s);
        inner += sum(t.divi(denominator).muli(g));
      }
      copy(t, g);
      m.muli(scalar((float) beta1)).addi(t.muli(mScale));
      decaySquares(v, g, beta2, t);
      copy(t, g);
      s.muli(scalar((float) sqrtBeta2)).addi(t.muli(sScale));
      copy(t, s);
      sNorm += sum(t.signi().muli(s));
      try (NDArray denominator = v.sqrt()) {
        denominator.addi(scalar(eps));
        copy(t, m);
        t.divi(denominator);
      }
      if (weightDecay != 0) {
        copy(g, weight);
        t.addi(g.muli(decay));
      }
      weight.subi(t);
      recordStepSize(step, d * lr, weight);
    }
    numerator = sqrtBeta2 * numerator + (1 - sqrtBeta2) * dlr * inner;
    // ‖s‖₁ = 0 only while every gradient so far was 0: d stays (optax would divide 0 by 0).
    if (sNorm > 0) {
      d = Math.max(d, numerator / ((1 - sqrtBeta2) * sNorm));
    }
  }
}
