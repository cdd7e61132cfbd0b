package org.optbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optbench.io.SampleResults.component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.io.CellStore;
import org.optbench.io.SampleResults;
import org.optbench.metrics.RunResult;
import org.optbench.spec.Axis;
import org.optbench.spec.Cell;
import org.optbench.spec.ExperimentSpec;

/** Runs stored behind the training: on disk once awaited, and a failed write is not lost. */
class StoreBehindTest {

  @TempDir Path root;

  private final ExperimentSpec spec =
      SampleResults.spec("behind", "d", List.of(component(Axis.WORKLOAD, "linear_regression")),
          List.of(component(Axis.OPTIMIZER, "sgd")), List.of(component(Axis.CLIP, "none")),
          List.of(0L, 1L), 4, 2);

  @Test
  void aRunIsCompleteInTheStoreOnceAwaitedAndReadsBackAsItsSummary() throws Exception {
    CellStore store = CellStore.open(root, "behind");
    Cell first = spec.cells().get(0);
    Cell second = spec.cells().get(1);
    RunResult run = SampleResults.converging(first);
    try (StoreBehind behind = new StoreBehind(store)) {
      behind.put(run, "key-1");
      behind.put(SampleResults.converging(second), "key-2");
      // put waits for the write before it: the first run is complete now.
      assertTrue(store.has(first.runId(), "key-1"));
      behind.await();
      assertTrue(store.has(second.runId(), "key-2"));
    }
    // What the publisher takes from memory instead of the file is what the file says.
    assertEquals(run.summary(), store.summary(first));
  }

  @Test
  void aFailedWriteIsRethrownByTheNextWait() throws Exception {
    CellStore store = CellStore.open(root, "behind");
    // The parts folder replaced by a plain file: every write into it fails.
    Path parts = store.dir().resolve("runs");
    Files.delete(parts);
    Files.writeString(parts, "not a folder");
    StoreBehind behind = new StoreBehind(store);
    behind.put(SampleResults.converging(spec.cells().get(0)), "key-1");
    assertThrows(IOException.class, behind::await);
    behind.close();
  }
}
