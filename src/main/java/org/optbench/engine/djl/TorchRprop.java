package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.spec.Component;

/**
 * Rprop with torch.optim.Rprop's semantics (Riedmiller &amp; Braun 1993, iRprop⁻), the native
 * {@code RpropUpdate}'s formula on NDArrays: per coordinate, Δ grows by η₊ while sign(g·g_prev)
 * &gt; 0 and shrinks by η₋ when it is &lt; 0, clamped to [step_size_min, step_size_max]; a
 * coordinate whose gradient flipped does not move and forgets that gradient. Δ starts at the
 * first step's lr.
 */
public final class TorchRprop extends TorchOptimizer {

  private final float etaMinus;
  private final float etaPlus;
  private final float stepSizeMin;
  private final float stepSizeMax;

  private TorchRprop(Component o, Tracker lr) {
    super(new LearningRateOnly(lr));
    etaMinus = (float) o.number("eta_minus");
    etaPlus = (float) o.number("eta_plus");
    stepSizeMin = (float) o.number("step_size_min");
    stepSizeMax = (float) o.number("step_size_max");
  }

  /** The engine optimizer of a resolved rprop component. */
  public static Optimizer create(Component o, Tracker lr) {
    return new TorchRprop(o, lr);
  }

  @Override
  protected int stateArrays() {
    return 2;
  }

  @Override
  protected int scratchArrays() {
    return 1;
  }

  /** The masks and the factor are boolean and selected temporaries; the scratch manager frees them. */
  @Override
  protected boolean collectsTemporaries() {
    return true;
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    NDArray prev = state[0];
    NDArray stepSize = state[1];
    NDArray t = scratch[0];
    if (step == 1) {
      stepSize.addi(stepScalar(0, lr));
    }
    copy(t, grad);
    t.muli(prev);
    // PyTorch's where broadcasts, DJL's does not: the constants are full arrays.
    NDManager temporaries = t.getManager();
    Shape shape = t.getShape();
    NDArray factor = NDArrays.where(t.gt(0), temporaries.full(shape, etaPlus),
        NDArrays.where(t.lt(0), temporaries.full(shape, etaMinus), temporaries.ones(shape)));
    stepSize.muli(factor);
    stepSize.intern(stepSize.clip(stepSizeMin, stepSizeMax));
    NDArray kept = NDArrays.where(factor.eq(etaMinus), temporaries.zeros(shape), grad);
    copy(t, kept);
    weight.subi(t.signi().muli(stepSize));
    copy(prev, kept);
  }
}
