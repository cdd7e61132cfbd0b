package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.optim.transform.MuonUpdate;
import org.optbench.spec.Component;

/**
 * Muon on libtorch, the native {@code MuonUpdate}'s formula on NDArrays: B ← lerp(B, G, 1 − μ),
 * U ← lerp(G, B, μ) (nesterov) or B, O ← Newton–Schulz(U) computed with float64 matMul on
 * libtorch, p ← p·(1 − lr·λ) − lr·s·O. Only 2-D tensors reach it (the entry's scope sends the
 * rest to another optimizer).
 */
public final class TorchMuon extends TorchOptimizer {

  private final double momentum;
  private final boolean nesterov;
  private final double weightDecay;
  private final double a;
  private final double b;
  private final double c;
  private final int nsSteps;
  private final double eps;
  private final MuonUpdate.LrAdjustment adjustment;

  private TorchMuon(Component o, Tracker lr) {
    super(new LearningRateOnly(lr));
    momentum = o.number("momentum");
    nesterov = o.flag("nesterov");
    weightDecay = o.number("weight_decay");
    a = o.number("ns_a");
    b = o.number("ns_b");
    c = o.number("ns_c");
    nsSteps = o.integer("ns_steps");
    eps = o.number("eps");
    adjustment = MuonUpdate.LrAdjustment.named(o.text("adjust_lr_fn"));
  }

  /** The engine optimizer of a resolved muon component. */
  public static Optimizer create(Component o, Tracker lr) {
    return new TorchMuon(o, lr);
  }

  @Override
  protected int stateArrays() {
    return 1;
  }

  @Override
  protected int scratchArrays() {
    return 2;
  }

  /** The Newton–Schulz products allocate; the scratch manager frees them. */
  @Override
  protected boolean collectsTemporaries() {
    return true;
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    long[] shape = weight.getShape().getShape();
    if (shape.length != 2) {
      throw new IllegalArgumentException("muon updates 2-D matrices only; got shape "
          + weight.getShape());
    }
    NDArray buf = state[0];
    lerp(buf, grad, (float) (1 - momentum), scratch[0]);
    NDArray u = buf;
    if (nesterov) {
      copy(scratch[1], grad);
      lerp(scratch[1], buf, (float) momentum, scratch[0]);
      u = scratch[1];
    }
    NDArray o = orthogonalize(u, shape[0] > shape[1]);
    double adjusted = lr * adjustment.factor((int) shape[0], (int) shape[1]);
    weight.muli(stepScalar(0, (float) (1 - (double) lr * weightDecay)));
    weight.subi(o.muli(adjusted).toType(DataType.FLOAT32, false));
  }

  /** Newton–Schulz in float64; the result is float64, shaped like {@code u}. */
  private NDArray orthogonalize(NDArray u, boolean transposed) {
    NDArray x = u.toType(DataType.FLOAT64, true);
    if (transposed) {
      x = x.transpose();
    }
    double norm = Math.max(x.norm().getDouble(), eps);
    x = x.div(norm);
    for (int i = 0; i < nsSteps; i++) {
      NDArray gram = x.matMul(x.transpose());
      NDArray poly = gram.matMul(gram).muli(c).addi(gram.muli(b));
      x = poly.matMul(x).addi(x.mul(a));
    }
    return transposed ? x.transpose() : x;
  }
}
