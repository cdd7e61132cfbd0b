package org.optbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

  private static ExperimentSpec spec() {
    return SampleResults.spec("store", "d",
        List.of(component(Axis.WORKLOAD, "linear_regression")),
        List.of(component(Axis.OPTIMIZER, "sgd")), List.of(component(Axis.CLIP, "none")),
        List.of(0L), 4, 2);
  }

  @Test
  void stepsAreStoredAsParquetAndACutPartIsNamedWithHowToRetrainIt() throws Exception {
    Cell cell = spec().cells().get(0);
    CellStore store = CellStore.open(root, "store");
    store.put(SampleResults.converging(cell), "key-1");
    Path part = store.part(cell.runId(), CellStore.STEPS_PART);
    assertEquals(4, StepSeries.read(part, "-").run(cell.runId()).size());

    byte[] bytes = Files.readAllBytes(part);
    Files.write(part, java.util.Arrays.copyOf(bytes, bytes.length - 10));
    ResultSetException e = assertThrows(ResultSetException.class, () -> store.summary(cell));
    assertEquals(part + ": does not end with PAR1 (the file was cut short); delete "
        + store.part(cell.runId(), ".key") + " so that the next run trains that cell again",
        e.getMessage());
  }

  @Test
  void aRunStoredAsCsvByAnEarlierVersionIsPublishedAsParquet() throws Exception {
    ExperimentSpec spec = spec();
    Cell cell = spec.cells().get(0);
    CellStore store = CellStore.open(root, "store");
    store.put(SampleResults.converging(cell), "key-1");
    // what an earlier version stored: the same rows as steps.csv, labels on every row
    Path parquet = store.part(cell.runId(), CellStore.STEPS_PART);
    Path csv = store.part(cell.runId(), CellStore.CSV_STEPS_PART);
    ResultSetWriter writer = ResultSetWriter.open(root, "store");
    writer.add(SampleResults.converging(cell));
    Path published = writer.commit(spec, SampleResults.environment(),
        java.time.Instant.EPOCH, java.time.Instant.EPOCH).published();
    StepsCsvExport.write(published, csv);
    Files.delete(parquet);
    assertEquals(4, store.summary(cell).stepsDone(), "the CSV part is checked as before");

    ResultSetWriter again = ResultSetWriter.open(root, "store");
    again.adopt(store, cell.runId(), false);
    Path republished = again.commit(spec, SampleResults.environment(),
        java.time.Instant.EPOCH, java.time.Instant.EPOCH).published();
    assertTrue(Files.isRegularFile(parquet));
    assertFalse(Files.exists(csv));
    assertEquals(ResultSet.read(published).steps().toString(),
        ResultSet.read(republished).steps().toString());
  }

  @Test
  void aDamagedStoredRunIsNamedWithHowToRetrainIt() throws Exception {
    Cell cell = spec().cells().get(0);
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
