package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.StepRecord;
import org.optbench.spec.Axis;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.testing.Cells;
import org.optbench.testing.ForcedCollections;
import org.optbench.workload.Workloads;

/**
 * A run's numbers must not depend on when the JVM collects garbage. Each workload whose forward
 * pass multiplies or divides by a constant trains twice: once as usual, once under {@link
 * ForcedCollections} (a collection every millisecond), so that any Java buffer libtorch still
 * reads (a scalar the backward node kept, see {@link GraphScalar}) is freed and its bytes reused
 * mid-step. Every step's loss and gradient norm must agree bit for bit.
 */
class CollectionTimingTest {

  static Stream<Arguments> workloads() {
    Map<String, Object> tinyGpt = Map.of("d_model", 32, "layers", 1, "seq_len", 16,
        "batch_size", 8, "eval_windows", 4, "sample_length", 8);
    return Stream.of(
        Arguments.of("tiny_gpt", tinyGpt, 0.003, 40),
        Arguments.of("quadratic", Map.of("dim", 4, "condition", 10.0), 0.1, 200),
        Arguments.of("rosenbrock", Map.of(), 0.02, 200));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workloads")
  void forcedCollectionsChangeNoStep(
      String name, Map<String, Object> overrides, double lr, int steps) throws InterruptedException {
    Component workload = Cells.component(Axis.WORKLOAD, name, overrides);
    Component adam = Cells.component(Axis.OPTIMIZER, "adam", Map.of("lr", lr));
    Cell cell = Cells.cell(workload, adam, Cells.noClip(), 0, steps, steps);

    List<StepRecord> quiet = train(cell, workload);
    List<StepRecord> collected;
    try (ForcedCollections collections = ForcedCollections.every(1)) {
      collected = train(cell, workload);
    }

    for (int i = 0; i < steps; i++) {
      assertEquals(quiet.get(i).loss(), collected.get(i).loss(), "loss at step " + (i + 1));
      assertEquals(quiet.get(i).gradNorm(), collected.get(i).gradNorm(), "norm at step " + (i + 1));
    }
  }

  private static List<StepRecord> train(Cell cell, Component workload) {
    return new DjlEngine().train(cell, Workloads.create(workload), RunListener.NONE).steps();
  }
}
