package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.spec.Component;

/**
 * Adadelta with torch.optim.Adadelta's semantics (Zeiler 2012, Algorithm 1, times lr), the native
 * {@code AdadeltaUpdate}'s formula on NDArrays:
 *
 * <pre>
 *   g = g + λ·p;  s = ρ·s + (1 − ρ)·g²
 *   Δ = √(a + ε)/√(s + ε)·g;  a = ρ·a + (1 − ρ)·Δ²;  p = p − lr·Δ
 * </pre>
 */
public final class TorchAdadelta extends TorchOptimizer {

  private final float rho;
  private final float eps;
  private final float weightDecay;

  private TorchAdadelta(Component o, Tracker lr) {
    super(new LearningRateOnly(lr));
    rho = (float) o.number("rho");
    eps = (float) o.number("eps");
    weightDecay = (float) o.number("weight_decay");
  }

  /** The engine optimizer of a resolved adadelta component. */
  public static Optimizer create(Component o, Tracker lr) {
    return new TorchAdadelta(o, lr);
  }

  @Override
  protected int stateArrays() {
    return 2;
  }

  @Override
  protected int scratchArrays() {
    return 1;
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    NDArray squareAvg = state[0];
    NDArray deltaAvg = state[1];
    NDArray t = scratch[0];
    addScaledWeight(grad, weight, weightDecay, t);
    NDArray oneMinusRho = scalar((float) (1 - rho));
    copy(t, grad);
    squareAvg.muli(scalar(rho)).addi(t.muli(grad).muli(oneMinusRho));
    copy(t, squareAvg);
    try (NDArray std = t.addi(scalar(eps)).sqrt()) {
      copy(t, deltaAvg);
      try (NDArray delta = t.addi(scalar(eps)).sqrt()) {
        delta.divi(std).muli(grad);
        copy(t, delta);
        deltaAvg.muli(scalar(rho)).addi(t.muli(delta).muli(oneMinusRho));
        weight.subi(delta.muli(stepScalar(0, lr)));
      }
    }
  }
}
