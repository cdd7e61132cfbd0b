package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.optim.linalg.Eigenbasis;
import org.optbench.optim.linalg.MatrixShape;
import org.optbench.optim.transform.SoapUpdate;

/**
 * SOAP on libtorch, the native {@code SoapUpdate}'s formula (see there for the reference and its
 * departures): the rotations, Adam's moments, the step and the statistics are libtorch ops
 * (rotations and statistics as float64 products rounded once, the moments in float32). The
 * eigenbases are not: DJL exposes neither {@code eigh} nor {@code qr} for the PyTorch engine, so
 * at the first step and at each refresh the statistics, bases and v are copied to the host,
 * {@link Eigenbasis} (the native library's float64 code) computes the new bases and v's
 * permutation, and the results are copied back.
 */
public final class TorchSoap extends TorchOptimizer {

  private final SoapUpdate.Options o;

  private TorchSoap(SoapUpdate.Options options, Tracker lr) {
    super(new LearningRateOnly(lr));
    this.o = options;
  }

  /** The engine optimizer of a resolved soap component's settings. */
  public static Optimizer create(SoapUpdate.Options options, Tracker lr) {
    return new TorchSoap(options, lr);
  }

  @Override
  protected int stateArrays() {
    throw new UnsupportedOperationException("SOAP's state is shaped by newState");
  }

  @Override
  protected int scratchArrays() {
    return 2;
  }

  @Override
  protected boolean collectsTemporaries() {
    return true;
  }

  /** m, v, then L and Q_L, then R and Q_R for the rotated dimensions (as the native state). */
  @Override
  protected NDArray[] newState(NDManager manager, NDArray weight) {
    boolean[] rotated = rotated(weight);
    MatrixShape shape = MatrixShape.of(NativeStep.dims(weight));
    int count = 2 + (rotated[0] ? 2 : 0) + (rotated[1] ? 2 : 0);
    NDArray[] state = new NDArray[count];
    state[0] = manager.zeros(weight.getShape(), DataType.FLOAT32);
    state[1] = manager.zeros(weight.getShape(), DataType.FLOAT32);
    int k = 2;
    for (int side = 0; side < 2; side++) {
      if (rotated[side]) {
        int d = side == 0 ? shape.rows() : shape.cols();
        state[k++] = manager.zeros(new Shape(d, d), DataType.FLOAT32);
        state[k++] = manager.zeros(new Shape(d, d), DataType.FLOAT32);
      }
    }
    return state;
  }

  private boolean[] rotated(NDArray weight) {
    int[] dims = NativeStep.dims(weight);
    MatrixShape shape = MatrixShape.of(dims);
    return new boolean[] {
      shape.rows() <= o.maxPrecondDim()
          && (dims.length >= 2 || (dims.length == 1 && o.precondition1d())),
      shape.hasRightSide() && shape.cols() <= o.maxPrecondDim()};
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    MatrixShape shape = MatrixShape.of(NativeStep.dims(weight));
    boolean[] rotated = rotated(weight);
    NDArray[] stats = new NDArray[2];
    NDArray[] bases = new NDArray[2];
    int k = 2;
    for (int side = 0; side < 2; side++) {
      if (rotated[side]) {
        stats[side] = state[k++];
        bases[side] = state[k++];
      }
    }
    NDArray g = TorchMatrices.wide(grad).reshape(shape.rows(), shape.cols());
    float w = (float) (1 - o.shampooBeta());
    if (step == 1) {
      for (int side = 0; side < 2; side++) {
        if (rotated[side]) {
          lerp(stats[side], TorchMatrices.gram(g, side == 0), w);
          float[] q = new float[Math.toIntExact(bases[side].size())];
          Eigenbasis.initial(stats[side].toFloatArray(), dim(shape, side), q);
          upload(bases[side], q);
        }
      }
      return;
    }
    int s = step - 1;
    NDArray m = state[0];
    NDArray v = state[1];
    NDArray t = scratch[0];
    NDArray u = scratch[1];
    NDArray projected = rotate(g, bases, true).toType(DataType.FLOAT32, false)
        .reshape(weight.getShape());
    copy(t, projected);
    m.muli(scalar((float) o.beta1())).addi(t.muli(scalar((float) (1 - o.beta1()))));
    copy(t, projected);
    v.muli(scalar((float) o.beta2()))
        .addi(t.muli(projected).muli(scalar((float) (1 - o.beta2()))));
    NDArray denominator = v.sqrt().addi(scalar((float) o.eps()));
    copy(t, m);
    t.divi(denominator);
    NDArray direction = TorchMatrices.wide(t).reshape(shape.rows(), shape.cols());
    copy(u, rotate(direction, bases, false).reshape(weight.getShape()));
    weight.subi(u.muli(stepScalar(0, stepSize(lr, s))));
    if (o.weightDecay() > 0) {
      copy(t, weight);
      weight.subi(t.muli(stepScalar(1, (float) (lr * o.weightDecay()))));
    }
    for (int side = 0; side < 2; side++) {
      if (rotated[side]) {
        lerp(stats[side], TorchMatrices.gram(g, side == 0), w);
      }
    }
    if (s % o.preconditionFrequency() == 0 && (rotated[0] || rotated[1])) {
      refresh(shape, m, v, stats, bases);
    }
  }

  /** As {@code SoapUpdate}'s step size: lr·√(1 − β2ˢ)/(1 − β1ˢ) in float64, or lr. */
  private float stepSize(float lr, int s) {
    if (!o.correctBias()) {
      return lr;
    }
    double bc1 = 1 - Math.pow(o.beta1(), s);
    double bc2 = 1 - Math.pow(o.beta2(), s);
    return (float) (lr * Math.sqrt(bc2) / bc1);
  }

  /** Q_Lᵀ·X·Q_R ({@code forward}) or Q_L·X·Q_Rᵀ of the float64 X, in float64. */
  private static NDArray rotate(NDArray x, NDArray[] bases, boolean forward) {
    return TorchMatrices.right(TorchMatrices.left(bases[0], forward, x), bases[1], !forward);
  }

  /**
   * S ← lerp(S, term, w) in float32 as torch's lerp_ (and {@code TreeMath.lerp}): from S for
   * w &lt; 0.5, from the term otherwise; {@code term} float64, rounded first.
   */
  private void lerp(NDArray stat, NDArray term, float w) {
    NDArray end = term.toType(DataType.FLOAT32, false);
    NDArray difference = end.sub(stat);
    if (Math.abs(w) < 0.5f) {
      stat.addi(difference.muli(scalar(w)));
    } else {
      difference.muli(scalar(1 - w));
      copy(stat, end);
      stat.subi(difference);
    }
  }

  /** m to the parameter basis, the bases refreshed on the host (v permuted), m back in. */
  private void refresh(MatrixShape shape, NDArray m, NDArray v, NDArray[] stats,
      NDArray[] bases) {
    NDArray original = rotate(TorchMatrices.wide(m).reshape(shape.rows(), shape.cols()), bases,
        false).toType(DataType.FLOAT32, false);
    float[] second = v.toFloatArray();
    for (int side = 0; side < 2; side++) {
      if (bases[side] != null) {
        float[] q = bases[side].toFloatArray();
        int[] order = Eigenbasis.refresh(stats[side].toFloatArray(), q, dim(shape, side));
        Eigenbasis.permute(second, shape.rows(), shape.cols(), order, side == 0);
        upload(bases[side], q);
      }
    }
    upload(v, second);
    NDArray rotated = rotate(TorchMatrices.wide(original), bases, true);
    copy(m, rotated.reshape(m.getShape()));
  }

  private static int dim(MatrixShape shape, int side) {
    return side == 0 ? shape.rows() : shape.cols();
  }

  /** target ← host values, in place. */
  private void upload(NDArray target, float[] values) {
    try (NDArray host = target.getManager().create(values, target.getShape())) {
      copy(target, host);
    }
  }
}
