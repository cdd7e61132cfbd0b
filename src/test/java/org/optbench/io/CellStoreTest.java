package org.optbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.optbench.io.SampleResults.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.metrics.RunResult;
import org.optbench.spec.Axis;
import org.optbench.spec.Cell;
import org.optbench.spec.ExperimentSpec;

/** A stored run read back by a later {@code run}: trusted only once its row checks out. */
class CellStoreTest {

  @TempDir Path root;

  @Test
  void aDamagedStoredRunIsNamedWithHowToRetrainIt() throws Exception {
    ExperimentSpec spec =
        SampleResults.spec("store", "d", List.of(component(Axis.WORKLOAD, "linear_regression")),
            List.of(component(Axis.OPTIMIZER, "sgd")), List.of(component(Axis.CLIP, "none")),
            List.of(0L), 4, 2);
    Cell cell = spec.cells().get(0);
    RunResult run = SampleResults.converging(cell);
    CellStore store = CellStore.open(root, "store");
    store.put(run, "key-1");
    assertEquals(4, store.summary(cell).stepsDone());

    Path part = store.part(cell.runId(), CellStore.RUN_PART);
    List<String> lines = Files.readAllLines(part);
    Files.writeString(part, lines.get(0) + "\n" + lines.get(1).replace(",4,4,", ",4,-4,") + "\n");

    ResultSetException e = assertThrows(ResultSetException.class, () -> store.summary(cell));
    assertEquals(part + ": line 2, column steps_done: -4 is outside 0..4 (the run's steps); delete "
        + store.part(cell.runId(), ".key") + " so that the next run trains that cell again",
        e.getMessage());
  }
}
