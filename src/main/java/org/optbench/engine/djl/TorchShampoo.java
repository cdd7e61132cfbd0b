package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.optim.linalg.MatrixShape;
import org.optbench.optim.linalg.SymmetricEigen;
import org.optbench.spec.Component;

/**
 * Shampoo on libtorch, the native {@code ShampooUpdate}'s formula (see there for the variant):
 *
 * <pre>
 *   L ← L + G·Gᵀ (or β2·L + (1 − β2)·G·Gᵀ), R likewise;  every f steps L̂ = (L + εI)^(−1/4), …
 *   p ← p − lr·(L̂·G·R̂ + λ·p)
 * </pre>
 *
 * The statistics and the preconditioned gradient are float64 matrix products rounded once to
 * float32, as natively; the roots come from the coupled Newton iteration in float64
 * ({@link TorchMatrixRoot}) where the native library takes an eigendecomposition (which the
 * engine falls back to, on the host, when Newton does not converge). State per
 * preconditioned dimension: the statistic and its root (d × d, or d for a diagonal one).
 */
public final class TorchShampoo extends TorchOptimizer {

  private final double beta2;
  private final double eps;
  private final int frequency;
  private final int maxDim;
  private final float weightDecay;

  private TorchShampoo(Component o, Tracker lr) {
    super(new LearningRateOnly(lr));
    beta2 = o.number("beta2");
    eps = o.number("eps");
    frequency = o.integer("precondition_frequency");
    maxDim = o.integer("max_precond_dim");
    weightDecay = (float) o.number("weight_decay");
  }

  /** The engine optimizer of a resolved shampoo component. */
  public static Optimizer create(Component o, Tracker lr) {
    return new TorchShampoo(o, lr);
  }

  @Override
  protected int stateArrays() {
    throw new UnsupportedOperationException("Shampoo's state is shaped by newState");
  }

  @Override
  protected int scratchArrays() {
    return 2;
  }

  @Override
  protected boolean collectsTemporaries() {
    return true;
  }

  /** L and its root, then R and its root: d × d, or d when d > max_precond_dim. */
  @Override
  protected NDArray[] newState(NDManager manager, NDArray weight) {
    MatrixShape shape = MatrixShape.of(NativeStep.dims(weight));
    int[] dims = shape.hasRightSide()
        ? new int[] {shape.rows(), shape.cols()}
        : new int[] {shape.rows()};
    NDArray[] state = new NDArray[2 * dims.length];
    for (int side = 0; side < dims.length; side++) {
      int d = dims[side];
      Shape s = d > maxDim ? new Shape(d) : new Shape(d, d);
      state[2 * side] = manager.zeros(s, DataType.FLOAT32);
      state[2 * side + 1] = manager.zeros(s, DataType.FLOAT32);
    }
    return state;
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    MatrixShape shape = MatrixShape.of(NativeStep.dims(weight));
    NDArray g = TorchMatrices.wide(grad).reshape(shape.rows(), shape.cols());
    boolean refresh = (step - 1) % frequency == 0;
    int exponent = 2 * shape.order();
    for (int side = 0; 2 * side < state.length; side++) {
      NDArray stat = state[2 * side];
      boolean diagonal = stat.getShape().dimension() == 1;
      accumulate(stat, diagonal
          ? TorchMatrices.squares(g, side == 0)
          : TorchMatrices.gram(g, side == 0));
      if (refresh) {
        copy(state[2 * side + 1], root(stat, diagonal, exponent));
      }
    }
    NDArray x = TorchMatrices.left(state[1], false, g);
    if (shape.hasRightSide()) {
      x = TorchMatrices.right(x, state[3], false);
    }
    NDArray u = scratch[0];
    copy(u, x.reshape(weight.getShape()));
    addScaledWeight(u, weight, weightDecay, scratch[1]);
    weight.subi(u.muli(stepScalar(0, lr)));
  }

  /** S ← S + term, or β2·S + (1 − β2)·term, in float32 ({@code term} float64, rounded first). */
  private void accumulate(NDArray stat, NDArray term) {
    NDArray rounded = term.toType(DataType.FLOAT32, false);
    if (beta2 == 1) {
      stat.addi(rounded);
    } else {
      stat.muli(scalar((float) beta2)).addi(rounded.muli(scalar((float) (1 - beta2))));
    }
  }

  /**
   * (S + εI)^(−1/p) in float64: elementwise for a diagonal, else by Newton's iteration; where
   * that does not converge (S + εI indefinite through float32 rounding), by the native library's
   * eigendecomposition on the host, which treats such eigenvalues as 0.
   */
  private NDArray root(NDArray stat, boolean diagonal, int p) {
    NDArray wide = TorchMatrices.wide(stat);
    if (diagonal) {
      return wide.add(eps).pow(-1.0 / p);
    }
    int d = Math.toIntExact(stat.getShape().get(0));
    NDArray shifted = wide.add(wide.getManager().eye(d, d, 0, DataType.FLOAT64).mul(eps));
    NDArray newton = TorchMatrixRoot.inversePthRoot(shifted, p);
    if (newton != null) {
      return newton;
    }
    float[] host = new float[d * d];
    SymmetricEigen.inverseRoot(stat.toFloatArray(), d, eps, p, host);
    return wide.getManager().create(host, stat.getShape());
  }
}
