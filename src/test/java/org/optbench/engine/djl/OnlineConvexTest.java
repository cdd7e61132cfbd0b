package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optbench.engine.TrainingEngine;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.RunResult;
import org.optbench.spec.Axis;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.testing.Cells;
import org.optbench.workload.Workloads;

/**
 * Reddi, Kale & Kumar 2018's online problem on [−1, 1]: the projection keeps the iterate
 * feasible, and the evaluation reports the average loss F(x) = (10/101)·x of the Fig. 1 sequence.
 */
class OnlineConvexTest {

  private static double finalAverageLoss(String optimizer, Map<String, Object> hyper, int steps) {
    return finalAverageLoss(new DjlEngine(), optimizer, hyper, steps);
  }

  private static double finalAverageLoss(
      TrainingEngine engine, String optimizer, Map<String, Object> hyper, int steps) {
    Component online = Cells.component(Axis.WORKLOAD, "online_convex", Map.of());
    Component opt = Cells.component(Axis.OPTIMIZER, optimizer, hyper);
    Cell cell = Cells.cell(online, opt, Cells.noClip(), 0, steps, steps);
    RunResult result = engine.train(cell, Workloads.create(online), RunListener.NONE);
    return result.summary().finalEvalLoss();
  }

  @Test
  void projectionHoldsSgdOnTheBounds() {
    // lr 0.01 from x = 1. Step 1 (a = 1010) moves x by −10.1, projected to −1; each later step
    // (a = −10) adds 0.1, so x reaches 1 after 20 steps and is projected there until step 102,
    // the next rare step, sends it back to −1. F(±1) = ±10/101.
    assertEquals(10.0 / 101, finalAverageLoss("sgd", Map.of("lr", 0.01), 101), 1e-7);
    assertEquals(-10.0 / 101, finalAverageLoss("sgd", Map.of("lr", 0.01), 102), 1e-7);
  }

  @Test
  void nativeEngineStepsFromTheProjectedPoint() {
    // The same walk as above: the native optimizer must step from the projected iterate, not from
    // its own unprojected copy (which after step 1 sits at −9.1 and needs 81 steps to re-enter).
    assertEquals(10.0 / 101, finalAverageLoss(new NativeEngine(), "sgd", Map.of("lr", 0.01), 101), 1e-7);
    assertEquals(-10.0 / 101, finalAverageLoss(new NativeEngine(), "sgd", Map.of("lr", 0.01), 102), 1e-7);
  }

  @Test
  void bigStepsStayFeasible() {
    // With lr 5 every step overshoots; only the projection keeps |x| ≤ 1, so F ∈ [−10/101, 10/101].
    double loss = finalAverageLoss("sgd", Map.of("lr", 5.0), 200);
    assertEquals(0, loss, 10.0 / 101 + 1e-6);
  }
}
