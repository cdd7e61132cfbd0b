package org.optbench.registry;

import static org.optbench.spec.ParamDef.integer;
import static org.optbench.spec.ParamDef.optionalInteger;
import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchShampoo;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.optim.alias.Recipe;
import org.optbench.optim.alias.StateFormula;
import org.optbench.optim.linalg.MatrixShape;
import org.optbench.optim.transform.ShampooUpdate;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/**
 * Shampoo (Gupta et al. 2018, Algorithm 1), with Distributed Shampoo's statistics EMA,
 * preconditioning interval, size limit and blocking (Anil et al. 2020, §3); vectors as
 * full-matrix AdaGrad (Algorithm 2, order 1).
 */
final class ShampooEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "shampoo",
      "Shampoo: L^-1/4 G R^-1/4 from sums of G·Gᵀ and Gᵀ·G (no grafting)",
      "Gupta, Koren & Singer 2018, Algorithm 1 (L₀ = R₀ = εI; vectors: Algorithm 2, exponent"
          + " −1/2); beta2 EMA, root interval and blocking as Anil et al. 2020 (Distributed"
          + " Shampoo);"
          + " no library reference: vectors from an independent float64 NumPy implementation",
      List.of(
          real("lr", 1e-2, Range.POSITIVE, "learning rate"),
          real("beta2", 1.0, Range.UNIT_CLOSED,
              "statistics decay: 1 sums G·Gᵀ as the paper, < 1 keeps β2·L + (1 − β2)·G·Gᵀ"),
          real("eps", 1e-4, Range.POSITIVE, "εI added to each statistic before its root"),
          integer("precondition_frequency", 1, Range.AT_LEAST_ONE,
              "steps between root computations (at t = 1, 1 + f, …); statistics every step"),
          integer("max_precond_dim", 1024, Range.AT_LEAST_ONE,
              "dimensions above it keep only the diagonal of their statistic"),
          optionalInteger("block_size", null, Range.AT_LEAST_ONE,
              "null = whole tensors; else G cut into blocks of at most block_size × block_size"
                  + " (vectors: block_size entries), each with its own statistics and roots"),
          real("weight_decay", 0.0, Range.NON_NEGATIVE,
              "λ·p added to the direction, then scaled by lr (decoupled)")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    int maxDim = o.integer("max_precond_dim");
    int blockSize = blockSize(o);
    return new Recipe("shampoo",
        ShampooUpdate.shampoo(o.number("beta2"), o.number("eps"),
            o.integer("precondition_frequency"), maxDim, blockSize, o.number("weight_decay")),
        new StateFormula("Σ per block (the whole tensor without block_size) and preconditioned"
            + " dimension d of it: 8·d² (statistic and root), 8·d when d > max_precond_dim",
            params -> bytes(params, maxDim, blockSize)),
        DEFINITION.reference());
  }

  /** block_size, or 0 for none (null). */
  private static int blockSize(Component o) {
    Integer b = o.optionalInteger("block_size");
    return b == null ? 0 : b;
  }

  /**
   * The state formula: a statistic and a root per preconditioned dimension of each block
   * ({@code blockSize} 0: each tensor one block).
   */
  static long bytes(ParamTree params, int maxDim, int blockSize) {
    long bytes = 0;
    for (Tensor t : params) {
      for (MatrixShape.Block block : MatrixShape.of(t.shape()).blocks(blockSize)) {
        MatrixShape shape = block.shape();
        bytes += side(shape.rows(), maxDim);
        if (shape.hasRightSide()) {
          bytes += side(shape.cols(), maxDim);
        }
      }
    }
    return bytes;
  }

  private static long side(long d, int maxDim) {
    return 8 * (d > maxDim ? d : d * d);
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchShampoo.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    // eps well above the float32 rounding of the statistics (~6e-8·‖L‖): below it the root of a
    // rank-deficient L is set by rounding in L's null space (see docs/optimizers.md, shampoo).
    return List.of(
        Map.of("lr", 0.01, "beta2", 0.9, "precondition_frequency", 3, "weight_decay", 0.1,
            "eps", 0.01),
        Map.of("lr", 0.01, "max_precond_dim", 8, "eps", 0.01),
        // Blocks of 5 with max_precond_dim 4: a dimension's full blocks keep diagonals, its last,
        // smaller block (16 = 5 + 5 + 5 + 1, 8 = 5 + 3) full statistics: both rules per block.
        Map.of("lr", 0.01, "block_size", 5, "max_precond_dim", 4, "eps", 0.01));
  }
}
