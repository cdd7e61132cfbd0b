package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.RunResult;
import org.optbench.spec.Axis;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.testing.Cells;
import org.optbench.workload.Workloads;

/**
 * Sophia in a real training run: the Gauss–Newton–Bartlett estimate reaches the optimizer (h
 * moves off 0), repeats from the seed, leaves the step's real gradients as they were, and is
 * refused where the loss samples no labels.
 */
class SophiaTrainingTest {

  static Component mlp() {
    return Cells.component(Axis.WORKLOAD, "mlp",
        Map.of("features", 8, "hidden", List.of(16), "classes", 3, "batch_size", 16));
  }

  static Component sophia(Map<String, Object> settings) {
    return Cells.component(Axis.OPTIMIZER, "sophia", settings);
  }

  /** The native step after {@code steps} steps of {@code optimizer} on {@code workload}. */
  static NativeStep trainNative(Component workload, Component optimizer, int steps) {
    Cell cell = Cells.cell(workload, optimizer, Cells.noClip(), 3, steps, steps);
    NativeStep step = NativeStep.of(cell);
    new DjlTrainingRun(cell, Workloads.create(workload), RunListener.NONE, step).run();
    return step;
  }

  /** State array {@code k} (Sophia: 0 = m, 1 = h) of every tensor, concatenated. */
  static float[] state(NativeStep step, int k) {
    int size = 0;
    for (int i = 0; i < step.params().size(); i++) {
      size += step.optimizer().stateArrays(i).get(k).length;
    }
    float[] out = new float[size];
    int at = 0;
    for (int i = 0; i < step.params().size(); i++) {
      float[] a = step.optimizer().stateArrays(i).get(k);
      System.arraycopy(a, 0, out, at, a.length);
      at += a.length;
    }
    return out;
  }

  @Test
  void theEstimateReachesTheOptimizerAndRepeats() {
    Component o = sophia(Map.of("lr", 0.01, "update_interval", 3));
    float[] h = state(trainNative(mlp(), o, 7), 1);
    long positive = 0;
    for (float v : h) {
      assertTrue(v >= 0 && Float.isFinite(v), "h " + v);
      positive += v > 0 ? 1 : 0;
    }
    // Every weight and bias of a ReLU network gets a non-zero sampled-label gradient somewhere
    // in three refreshes, but a unit dead on the whole batch stays at 0: most, not all.
    assertTrue(positive > h.length / 2, positive + " of " + h.length + " h values above 0");
    assertArrayEquals(h, state(trainNative(mlp(), o, 7), 1), "same seed, same estimate");
  }

  /**
   * With β1 = 0 the first moment after step 1 is the gradient itself (m = 1·g + 0·0), for Sophia
   * as for Adam: the same bits, although only Sophia ran the sampled-label pass in between, whose
   * backward accumulates into the same gradient tensors.
   */
  @Test
  void theRealGradientsSurviveTheSecondPass() {
    float[] sophiaM = state(trainNative(mlp(), sophia(Map.of("beta1", 0.0)), 1), 0);
    float[] adamM = state(trainNative(mlp(),
        Cells.component(Axis.OPTIMIZER, "adam", Map.of("beta1", 0.0)), 1), 0);
    assertArrayEquals(adamM, sophiaM);
    assertFalse(java.util.Arrays.equals(new float[sophiaM.length], sophiaM));
  }

  /**
   * The trajectory cross-check: the native side's estimate is taken at its own parameters, with
   * the same label draws; the two trajectories stay within 1e-3 of each other.
   */
  @Test
  void trajectoriesStayClose() {
    Cell cell = Cells.cell(mlp(), sophia(Map.of("lr", 0.01, "update_interval", 3)),
        Cells.noClip(), 1, 30, 30);
    var result = DjlCrossCheck.run(cell, Workloads.create(mlp()), "trajectory");
    var worst = result.worst();
    assertTrue(worst.maxRel() <= TrajectoryStep.CLOSE, "worst " + worst);
  }

  /** A character language model: token labels sampled per position, N = batch × sequence. */
  @Test
  void aLanguageModelTrainsWithTheTokenEstimate() {
    Component lm = Cells.component(Axis.WORKLOAD, "char_rnn", Map.of("seq_len", 8,
        "batch_size", 4, "eval_windows", 2, "sample_length", 5, "hidden", 16));
    Component o = sophia(Map.of("lr", 0.003, "update_interval", 2));
    Cell cell = Cells.cell(lm, o, Cells.noClip(), 1, 6, 6);
    RunResult result = new DjlEngine().train(cell, Workloads.create(lm), RunListener.NONE);
    assertFalse(result.summary().diverged());
    float[] h = state(trainNative(lm, o, 3), 1);
    assertTrue(java.util.Arrays.stream(toDoubles(h)).anyMatch(v -> v > 0));
  }

  @Test
  void aRegressionIsRefusedByBothEngines() {
    Component regression = Cells.component(Axis.WORKLOAD, "linear_regression", Map.of());
    Cell cell = Cells.cell(regression, sophia(Map.of()), Cells.noClip(), 1, 3, 3);
    for (var engine : List.of(new DjlEngine(), new NativeEngine())) {
      var e = assertThrows(IllegalArgumentException.class,
          () -> engine.train(cell, Workloads.create(regression), RunListener.NONE));
      assertTrue(e.getMessage().contains("mean squared error) has none"), e.getMessage());
    }
  }

  private static double[] toDoubles(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  @Test
  void stateBytesAreEightPerParameter() {
    // mlp 8-16-3: 8·16 + 16 + 16·3 + 3 = 195 parameters; m and h, 4 B each.
    Cell cell = Cells.cell(mlp(), sophia(Map.of()), Cells.noClip(), 1, 2, 2);
    RunResult result = new DjlEngine().train(cell, Workloads.create(mlp()), RunListener.NONE);
    assertEquals(8L * 195, result.summary().optimizerStateBytes());
  }
}
