package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
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
 * engine falls back to, on the host, when Newton does not converge). With block_size, G is cut
 * into the native blocks ({@link MatrixShape#blocks}; Anil et al. 2020, §3), each preconditioned
 * on its own and the blocks' L̂·G·R̂ put back together. State per block and preconditioned
 * dimension: the statistic and its root (d × d, or d for a diagonal one).
 */
public final class TorchShampoo extends TorchOptimizer {

  private final double beta2;
  private final double eps;
  private final int frequency;
  private final int maxDim;
  /** block_size, or 0 for none: each tensor one block. */
  private final int blockSize;
  private final float weightDecay;

  private TorchShampoo(Component o, Tracker lr) {
    super(new LearningRateOnly(lr));
    beta2 = o.number("beta2");
    eps = o.number("eps");
    frequency = o.integer("precondition_frequency");
    maxDim = o.integer("max_precond_dim");
    Integer block = o.optionalInteger("block_size");
    blockSize = block == null ? 0 : block;
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

  /**
   * Per block, in order: L and its root, then R and its root: d × d, or d when d >
   * max_precond_dim.
   */
  @Override
  protected NDArray[] newState(NDManager manager, NDArray weight) {
    List<MatrixShape.Block> blocks = MatrixShape.of(NativeStep.dims(weight)).blocks(blockSize);
    int count = 0;
    for (MatrixShape.Block block : blocks) {
      count += block.shape().hasRightSide() ? 4 : 2;
    }
    NDArray[] state = new NDArray[count];
    int k = 0;
    for (MatrixShape.Block block : blocks) {
      MatrixShape shape = block.shape();
      int[] dims = shape.hasRightSide()
          ? new int[] {shape.rows(), shape.cols()}
          : new int[] {shape.rows()};
      for (int d : dims) {
        Shape s = d > maxDim ? new Shape(d) : new Shape(d, d);
        state[k++] = manager.zeros(s, DataType.FLOAT32);
        state[k++] = manager.zeros(s, DataType.FLOAT32);
      }
    }
    return state;
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    MatrixShape shape = MatrixShape.of(NativeStep.dims(weight));
    NDArray g = TorchMatrices.wide(grad).reshape(shape.rows(), shape.cols());
    boolean refresh = (step - 1) % frequency == 0;
    List<MatrixShape.Block> blocks = shape.blocks(blockSize);
    NDList rowsOfBlocks = new NDList();
    NDList rowOfBlocks = new NDList();
    int k = 0;
    for (MatrixShape.Block block : blocks) {
      MatrixShape b = block.shape();
      NDArray gb = blocks.size() == 1 ? g : g.get(new NDIndex("{}:{}, {}:{}", block.row(),
          block.row() + b.rows(), block.col(), block.col() + b.cols()));
      int sides = b.hasRightSide() ? 2 : 1;
      NDArray x = precondition(k, refresh, 2 * b.order(), gb, state, sides);
      k += 2 * sides;
      if (block.col() == 0 && !rowOfBlocks.isEmpty()) {
        rowsOfBlocks.add(joined(rowOfBlocks, 1));
        rowOfBlocks = new NDList();
      }
      rowOfBlocks.add(x);
    }
    rowsOfBlocks.add(joined(rowOfBlocks, 1));
    NDArray x = joined(rowsOfBlocks, 0);
    NDArray u = scratch[0];
    copy(u, x.reshape(weight.getShape()));
    addScaledWeight(u, weight, weightDecay, scratch[1]);
    weight.subi(u.muli(stepScalar(0, lr)));
  }

  /** The blocks side by side along {@code axis}; a single block as it is. */
  private static NDArray joined(NDList blocks, int axis) {
    return blocks.size() == 1 ? blocks.get(0) : NDArrays.concat(blocks, axis);
  }

  /**
   * One block's L̂·G·R̂ (float64): its statistics {@code state[first]}, {@code state[first + 2]}
   * (and roots after each) accumulated, the roots refreshed when {@code refresh}.
   */
  private NDArray precondition(int first, boolean refresh, int exponent, NDArray g,
      NDArray[] state, int sides) {
    for (int side = 0; side < sides; side++) {
      NDArray stat = state[first + 2 * side];
      boolean diagonal = stat.getShape().dimension() == 1;
      accumulate(stat, diagonal
          ? TorchMatrices.squares(g, side == 0)
          : TorchMatrices.gram(g, side == 0));
      if (refresh) {
        copy(state[first + 2 * side + 1], root(stat, diagonal, exponent));
      }
    }
    NDArray x = TorchMatrices.left(state[first + 1], false, g);
    if (sides == 2) {
      x = TorchMatrices.right(x, state[first + 3], false);
    }
    return x;
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
