package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import org.optbench.spec.Component;

/**
 * NAdam with torch.optim.NAdam's semantics (Dozat 2016; μₜ = β1·(1 − ½·0.96^(t·ψ))), the
 * native {@code NadamUpdate}'s formula on NDArrays:
 *
 * <pre>
 *   g = g + λ·p   (or p = p·(1 − lr·λ) when decoupled)
 *   m = lerp(m, g, 1 − β1);  v = β2·v + (1 − β2)·g²
 *   d = √(v / (1 − β2ᵗ)) + ε
 *   p = p − lr·(1 − μₜ)/(1 − Πₜ)·g/d − lr·μₜ₊₁/(1 − Πₜμₜ₊₁)·m/d
 * </pre>
 */
public final class TorchNadam extends TorchOptimizer {

  private final double beta1;
  private final double beta2;
  private final float eps;
  private final float weightDecay;
  private final double momentumDecay;
  private final boolean decoupled;
  /** Πₜ in float32 by step (index t − 1); every parameter takes the same steps. */
  private final List<Float> muProducts = new ArrayList<>();

  private TorchNadam(Component o, Tracker lr) {
    super(new LearningRateOnly(lr));
    beta1 = o.number("beta1");
    beta2 = o.number("beta2");
    eps = (float) o.number("eps");
    weightDecay = (float) o.number("weight_decay");
    momentumDecay = o.number("momentum_decay");
    decoupled = o.flag("decoupled_weight_decay");
  }

  /** The engine optimizer of a resolved nadam component. */
  public static Optimizer create(Component o, Tracker lr) {
    return new TorchNadam(o, lr);
  }

  @Override
  protected int stateArrays() {
    return 2;
  }

  @Override
  protected int scratchArrays() {
    return 2;
  }

  private double mu(int t) {
    return beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
  }

  private float muProduct(int t) {
    while (muProducts.size() < t) {
      int k = muProducts.size() + 1;
      float previous = k == 1 ? 1f : muProducts.get(k - 2);
      muProducts.add((float) (previous * mu(k)));
    }
    return muProducts.get(t - 1);
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    NDArray m = state[0];
    NDArray v = state[1];
    NDArray t = scratch[0];
    NDArray u = scratch[1];
    weightDecay(weight, grad, lr, weightDecay, decoupled, t, 0);
    lerp(m, grad, (float) (1 - beta1), t);
    decaySquares(v, grad, beta2, t);
    double mu = mu(step);
    double muNext = mu(step + 1);
    float muProduct = muProduct(step);
    double muProductNext = muProduct * muNext;
    copy(t, v);
    try (NDArray denominator = t.divi(stepScalar(1, (float) (1 - Math.pow(beta2, step)))).sqrt()) {
      denominator.addi(scalar(eps));
      copy(u, grad);
      weight.addi(u.divi(denominator)
          .muli(stepScalar(2, (float) (-lr * (1 - mu) / (1 - muProduct)))));
      copy(u, m);
      weight.addi(u.divi(denominator)
          .muli(stepScalar(3, (float) (-lr * muNext / (1 - muProductNext)))));
    }
  }
}
