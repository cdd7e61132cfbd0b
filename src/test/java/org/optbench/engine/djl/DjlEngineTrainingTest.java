package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.RunResult;
import org.optbench.metrics.StepRecord;
import org.optbench.spec.Axis;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.testing.Cells;
import org.optbench.workload.Workloads;

/** Short real training runs on the PyTorch engine: the loss must fall for both optimizers. */
class DjlEngineTrainingTest {

  @ParameterizedTest(name = "{0} with {1} lr={2}")
  @CsvSource({
    "linear_regression, sgd, 0.05",
    "linear_regression, adam, 0.05",
    "mlp, sgd, 0.05",
    "mlp, adam, 0.01",
  })
  void lossFalls(String workloadName, String optimizerName, double lr) {
    // Blobs in 10 dimensions: centres drawn uniformly in [−4, 4]¹⁰ lie far apart for any data
    // draw, so the classes are well separated (in 2-D two centres can nearly coincide).
    Component workload = Cells.component(Axis.WORKLOAD, workloadName,
        workloadName.equals("mlp") ? Map.of("features", 10) : Map.of());
    Component optimizer =
        Cells.component(Axis.OPTIMIZER, optimizerName, Map.of("lr", lr));
    Cell cell = Cells.cell(workload, optimizer, Cells.noClip(), 0, 100, 50);

    RunResult result = new DjlEngine().train(cell, Workloads.create(workload), RunListener.NONE);

    List<StepRecord> steps = result.steps();
    assertEquals(100, steps.size());
    assertFalse(result.summary().diverged());
    double first = mean(steps.subList(0, 10));
    double last = mean(steps.subList(90, 100));
    assertTrue(last < 0.5 * first, "loss should at least halve: first " + first + ", last " + last);
    if (workloadName.equals("mlp")) {
      // Three well-separated blobs: a trained classifier beats chance (1/3) by far.
      assertTrue(result.summary().finalAccuracy() > 0.8, "accuracy " + result.summary().finalAccuracy());
    }
  }

  private static double mean(List<StepRecord> steps) {
    return steps.stream().mapToDouble(StepRecord::loss).average().orElseThrow();
  }
}
