package org.optbench.engine.djl;

import org.optbench.spec.DataSeed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optbench.metrics.CrossCheckResult;
import org.optbench.metrics.CrossCheckRow;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.RunResult;
import org.optbench.optim.alias.NativeOptimizers;
import org.optbench.spec.Axis;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.testing.Cells;
import org.optbench.workload.Workloads;

/**
 * The cross-check can fail: a planted bug and DJL's own optimizers are caught by lockstep, a
 * matching implementation stays close along a trajectory, and the native engine trains.
 */
class CrossCheckDetectsTest {

  /** Adam whose first-moment bias correction uses t + 1 instead of t: a plausible typo. */
  static final class WrongBiasCorrectionAdam extends TorchOptimizer {
    WrongBiasCorrectionAdam() {
      super(new Builder());
    }

    @Override
    protected int stateArrays() {
      return 2;
    }

    @Override
    protected int scratchArrays() {
      return 0;
    }

    // Written with allocating ops, like a first draft of an optimizer: its temporaries go to a
    // scratch sub-manager.
    @Override
    protected boolean collectsTemporaries() {
      return true;
    }

    @Override
    protected void apply(int t, float lr, NDArray weight, NDArray grad, NDArray[] state,
        NDArray[] scratch) {
      state[0].muli(0.9f).addi(grad.mul(0.1f));
      state[1].muli(0.999f).addi(grad.mul(0.001f).mul(grad));
      double bc1 = 1 - Math.pow(0.9, t + 1); // the bug: torch uses t
      double bc2 = Math.sqrt(1 - Math.pow(0.999, t));
      NDArray denominator = state[1].sqrt().div((float) bc2).add(1e-8f);
      weight.subi(state[0].div(denominator).mul((float) (lr / bc1)));
    }

    private static final class Builder extends TorchOptimizer.Builder<Builder> {
      Builder() {
        super(0.01f);
      }

      @Override
      protected Builder self() {
        return this;
      }
    }
  }

  private static final Component ADAM =
      Cells.component(Axis.OPTIMIZER, "adam", Map.of("lr", 0.01));

  @Test
  void lockstepCatchesAWrongBiasCorrection() {
    Component workload = LockstepTest.mlp();
    Cell cell = Cells.cell(workload, ADAM, Cells.noClip(), 1, 50, 50);
    List<CrossCheckRow> rows = new ArrayList<>();
    LockstepStep strategy = new LockstepStep(
        new EngineStep(new WrongBiasCorrectionAdam(), GradientClipping.NONE, Double.NaN),
        NativeOptimizers.create(ADAM, Cells.noClip(), cell.schedule(), 50), rows, 1e-6);
    new DjlTrainingRun(cell, Workloads.create(workload), RunListener.NONE, strategy).run();
    CrossCheckRow first = rows.stream().filter(r -> r.verdict().equals("beyond")).findFirst()
        .orElseThrow(() -> new AssertionError("the planted bug went unnoticed"));
    // Step 1: the update is lr·m̂/… with 1/(1 − 0.9²) instead of 1/(1 − 0.9): 0.526× the
    // native update, a relative difference of 1 − 0.1/0.19 = 0.47.
    assertEquals(1, first.step());
    assertEquals(0.47, first.maxRel(), 0.01, first.toString());
    assertTrue(first.tensor().endsWith("weight") || first.tensor().endsWith("bias"));
  }

  @Test
  void lockstepQuantifiesDjlsBuiltinAdam() {
    // DJL's Adam adds ε to the uncorrected √v (ε̂ form). With ε = 1e-3 comparable to √v the
    // first update differs from torch.optim.Adam's by far more than float32 noise.
    Component builtin = Cells.component(Axis.OPTIMIZER, "adam",
        Map.of("lr", 0.01, "eps", 1e-3, "impl", "djl_builtin"));
    Component workload = LockstepTest.mlp();
    CrossCheckResult result = DjlCrossCheck.run(
        Cells.cell(workload, builtin, Cells.noClip(), 1, 20, 20), Workloads.create(workload),
        "lockstep");
    CrossCheckRow worst = result.worst();
    System.out.println("djl_builtin adam vs torch semantics: " + worst);
    assertTrue(worst.maxRel() > 1e-3, worst.toString());
    assertTrue(result.rows().stream().noneMatch(r -> r.tensor().contains(":state")),
        "DJL keeps its state private: only parameters are compared");
  }

  @Test
  void matchingImplementationsStayCloseAlongATrajectory() {
    Component workload = LockstepTest.mlp();
    CrossCheckResult result = DjlCrossCheck.run(
        Cells.cell(workload, ADAM, Cells.noClip(), 1, 30, 30), Workloads.create(workload),
        "trajectory");
    CrossCheckRow worst = result.worst();
    System.out.println("adam trajectory, 30 steps: worst " + worst);
    assertTrue(worst.maxRel() < 1e-4, worst.toString());
    assertTrue(result.rows().stream().anyMatch(r -> r.tensor().equals("loss")));
  }

  @Test
  void nativeEngineTrainsAndReportsTheNativeStateSize() {
    Component workload = LockstepTest.mlp();
    Cell cell = new Cell(workload, ADAM, Cells.noClip(), Cells.cell(workload, ADAM,
        Cells.noClip(), 1, 1, 1).schedule(), 1, DataSeed.DEFAULT, "native", 100, 50);
    RunResult result = new NativeEngine().train(cell, Workloads.create(workload), RunListener.NONE);
    RunResult engine = new DjlEngine().train(
        Cells.cell(workload, ADAM, Cells.noClip(), 1, 100, 50), Workloads.create(workload),
        RunListener.NONE);
    assertEquals(100, result.summary().stepsDone());
    assertTrue(result.summary().finalLoss() < result.steps().get(0).loss());
    // Same state on both sides: Adam's m and v, 8 bytes per parameter.
    assertEquals(8 * mlpParameters(), result.summary().optimizerStateBytes());
    assertEquals(result.summary().optimizerStateBytes(), engine.summary().optimizerStateBytes());
    assertEquals(engine.summary().finalLoss(), result.summary().finalLoss(), 1e-4);
  }

  /** 8·16 + 16 + 16·3 + 3 parameters of the 8-16-3 MLP. */
  private static long mlpParameters() {
    return 8 * 16 + 16 + 16 * 3 + 3;
  }
}
