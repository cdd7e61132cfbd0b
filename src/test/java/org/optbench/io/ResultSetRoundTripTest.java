package org.optbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optbench.io.SampleResults.component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.metrics.RunResult;
import org.optbench.metrics.RunSummary;
import org.optbench.metrics.StepRecord;
import org.optbench.spec.Axis;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.spec.ExperimentSpec;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/** Runs written with {@link ResultSetWriter} read back unchanged through {@link ResultSet}. */
class ResultSetRoundTripTest {

  @TempDir Path root;

  ExperimentSpec spec;
  RunResult converging;
  RunResult diverging;
  ResultSet read;

  @BeforeEach
  void writeAndRead() throws IOException {
    Component mlp = component(Axis.WORKLOAD, "mlp");
    // A name with a comma and quotes exercises CSV quoting.
    Component odd = SampleResults.custom("sgd,\"odd\"", component(Axis.OPTIMIZER, "sgd"));
    Component clip = component(Axis.CLIP, "global_norm", "max_norm", 0.5);
    spec =
        SampleResults.spec(
            "roundtrip", "d", List.of(mlp), List.of(odd), List.of(clip), List.of(7L, 8L), 20, 5);
    List<Cell> cells = spec.cells();
    converging = SampleResults.converging(cells.get(0));
    diverging = SampleResults.diverging(cells.get(1), 6);
    ResultSetWriter writer = ResultSetWriter.open(root, "roundtrip");
    writer.add(converging);
    writer.add(diverging);
    Instant started = Instant.parse("2026-11-21T14:30:05.123Z");
    writer.commit(spec, SampleResults.environment(), started, started.plusSeconds(90));
    read = ResultSet.read(root.resolve("roundtrip"));
  }

  /**
   * The hyperparameter columns of the grid (mlp, sgd, global_norm; their parameters in the
   * catalogue): by component, then by parameter name (docs/data-schema.md).
   */
  private static final List<String> HYPERPARAMETERS = List.of(
      "workload_batch_size", "workload_classes", "workload_dataset", "workload_eval_size",
      "workload_features", "workload_hidden", "workload_spread", "workload_train_size",
      "optimizer_dampening", "optimizer_impl", "optimizer_lr", "optimizer_momentum",
      "optimizer_nesterov", "optimizer_weight_decay", "clip_max_norm");

  @Test
  void columnsAreInSchemaOrderWithFixedTypes() {
    List<String> steps = new java.util.ArrayList<>(CellColumns.SCHEMA.names());
    steps.addAll(HYPERPARAMETERS);
    steps.addAll(StepsTable.METRICS.names());
    assertEquals(steps, read.steps().columnNames());
    List<String> runs = new java.util.ArrayList<>(CellColumns.SCHEMA.names());
    runs.addAll(HYPERPARAMETERS);
    runs.addAll(RunsTable.SCHEMA.names().subList(CellColumns.SCHEMA.names().size(),
        RunsTable.SCHEMA.names().size()));
    assertEquals(runs, read.runs().columnNames());
    assertEquals(ColumnType.DOUBLE, read.runs().column("optimizer_lr").type());
    assertEquals(ColumnType.BOOLEAN, read.runs().column("optimizer_nesterov").type());
    assertEquals(ColumnType.LONG, read.runs().column("workload_batch_size").type());
    assertEquals(ColumnType.STRING, read.runs().column("workload_hidden").type());
    assertEquals("[64]", read.runs().getString(0, "workload_hidden"));
    assertEquals(ColumnType.STRING, read.steps().column("run_id").type());
    assertEquals(ColumnType.LONG, read.steps().column("seed").type());
    assertEquals(ColumnType.BOOLEAN, read.steps().column("clipped").type());
    assertEquals(ColumnType.LONG, read.runs().column("optimizer_state_bytes").type());
  }

  @Test
  void stepRowsComeBackExactlyIncludingNonFiniteAndMissingValues() {
    Table steps = read.steps();
    assertEquals(20 + 6, steps.rowCount());
    int row = 0;
    for (RunResult run : List.of(converging, diverging)) {
      Cell cell = run.summary().cell();
      for (StepRecord expected : run.steps()) {
        Row r = steps.row(row++);
        assertEquals(cell.runId(), r.getString("run_id"));
        assertEquals("roundtrip", r.getString("experiment"));
        assertEquals(cell.label(), r.getString("cell"));
        assertEquals("sgd,\"odd\"", r.getString("optimizer"));
        assertEquals(cell.optimizer().config(), r.getString("optimizer_config"));
        assertEquals(cell.workload().config(), r.getString("workload_config"));
        assertEquals("max_norm=0.5", r.getString("clip_config"));
        assertEquals(1e-3, r.getDouble("optimizer_lr"));
        assertEquals(0.5, r.getDouble("clip_max_norm"));
        assertEquals(cell.seed(), r.getLong("seed"));
        assertEquals(expected.step(), r.getInt("step"));
        // assertEquals(double, double) treats NaN as equal to NaN and compares infinities exactly.
        assertEquals(expected.loss(), r.getDouble("loss"));
        assertEquals(expected.gradNorm(), r.getDouble("grad_norm"));
        assertEquals(expected.gradNormClipped(), r.getDouble("grad_norm_clipped"));
        assertEquals(expected.clipped(), r.getBoolean("clipped"));
        assertEquals(expected.clipThreshold(), r.getDouble("clipping_threshold"));
        assertEquals(expected.learningRate(), r.getDouble("learning_rate"));
        assertEquals(expected.stepSize(), r.getDouble("step_size"));
        assertEquals(expected.wallMs(), r.getDouble("wall_ms"));
        assertEquals(expected.evalLoss(), r.getDouble("eval_loss"));
        assertEquals(expected.evalAccuracy(), r.getDouble("eval_accuracy"));
      }
    }
    // The cases the brief singles out, spelled out.
    assertEquals(Double.POSITIVE_INFINITY, steps.row(25).getDouble("loss"));
    assertTrue(Double.isNaN(steps.row(24).getDouble("grad_norm")));
    assertTrue(Double.isNaN(steps.row(0).getDouble("eval_loss")));
    assertEquals(converging.steps().get(4).evalLoss(), steps.row(4).getDouble("eval_loss"));
  }

  @Test
  void nonFiniteValuesAreExportedAsNaNAndInfinity() throws IOException {
    Path csv = root.resolve("export").resolve("steps.csv");
    assertEquals(26, StepsCsvExport.write(root.resolve("roundtrip"), csv));
    List<String> lines = Files.readAllLines(csv);
    String lastRow = lines.get(lines.size() - 1);
    assertTrue(lastRow.contains(",6,Infinity,"), lastRow);
    // Step 5 of the diverging run: its gradient norm overflowed to NaN, kept visible as such.
    String beforeLast = lines.get(lines.size() - 2);
    assertTrue(beforeLast.contains(",5,32.0,NaN,NaN,"), beforeLast);
    // No evaluation at that step: eval_loss and eval_accuracy are missing, so empty, not NaN.
    assertTrue(lastRow.endsWith(",6.0,,"), lastRow);
  }

  @Test
  void stepsArePublishedAsParquetKeyedByRunIdWithoutLabelColumns() {
    Path dir = root.resolve("roundtrip");
    assertTrue(Files.isRegularFile(dir.resolve("steps.parquet")));
    assertFalse(Files.exists(dir.resolve("steps.csv")));
    // the columns are the run id, the step and the metrics; labels live in runs.csv
    assertEquals(List.of("run_id", "step", "loss", "grad_norm", "grad_norm_clipped", "clipped",
        "clipping_threshold", "learning_rate", "step_size", "wall_ms", "eval_loss",
        "eval_accuracy"), StepsParquet.COLUMNS);
  }

  @Test
  void aResultSetWithOnlyStepsCsvReadsTheSameTable() throws IOException {
    Path dir = root.resolve("roundtrip");
    StepsCsvExport.write(dir, dir.resolve("steps.csv"));
    Files.delete(dir.resolve("steps.parquet"));
    ResultSet fromCsv = ResultSet.read(dir);
    assertEquals(read.steps().columnNames(), fromCsv.steps().columnNames());
    assertEquals(read.steps().rowCount(), fromCsv.steps().rowCount());
    for (int row = 0; row < read.steps().rowCount(); row++) {
      assertEquals(read.steps().row(row).toString(), fromCsv.steps().row(row).toString());
    }
    StepSeries.Run run = ResultSeries.read(dir).steps().run(diverging.summary().cell().runId());
    assertEquals(Float.POSITIVE_INFINITY, run.values("loss")[5]);
  }

  @Test
  void theReportsStreamingReaderSeesTheSameNonFiniteValues() {
    ResultSeries series = ResultSeries.read(root.resolve("roundtrip"));
    StepSeries.Run run = series.steps().run(diverging.summary().cell().runId());
    assertEquals(6, run.size());
    assertEquals(6, run.steps().length, "arrays cut to the run's rows, not left at 1024");
    assertEquals(6, run.values("loss").length);
    assertTrue(Float.isNaN(run.values("grad_norm")[4]), "step 5's NaN gradient norm");
    assertEquals(Float.POSITIVE_INFINITY, run.values("loss")[5], "step 6's infinite loss");
    assertTrue(Float.isNaN(run.values("eval_loss")[5]), "no evaluation at step 6");
  }

  @Test
  void runRowsComeBackExactly() {
    Table runs = read.runs();
    assertEquals(2, runs.rowCount());
    for (int i = 0; i < 2; i++) {
      RunSummary s = List.of(converging, diverging).get(i).summary();
      Row r = runs.row(i);
      assertEquals(s.cell().runId(), r.getString("run_id"));
      assertEquals(s.cell().steps(), r.getInt("steps"));
      assertEquals(s.stepsDone(), r.getInt("steps_done"));
      assertEquals(s.finalLoss(), r.getDouble("final_loss"));
      assertEquals(s.bestLoss(), r.getDouble("best_loss"));
      assertEquals(s.finalEvalLoss(), r.getDouble("final_eval_loss"));
      assertEquals(s.finalAccuracy(), r.getDouble("final_accuracy"));
      assertEquals(s.diverged(), r.getBoolean("diverged"));
      // -1 in the run's record is "did not diverge": an empty cell in the file.
      assertEquals(s.divergedStep() < 0, runs.intColumn("diverged_step").isMissing(i));
      assertEquals(s.stepsPerSecond(), r.getDouble("steps_per_second"));
      assertEquals(s.wallSeconds(), r.getDouble("wall_seconds"));
      assertEquals(s.paramCount(), r.getLong("param_count"));
      assertEquals(s.paramBytes(), r.getLong("param_bytes"));
      assertEquals(s.optimizerStateBytes(), r.getLong("optimizer_state_bytes"));
      assertEquals(s.clippedFraction(), r.getDouble("clipped_fraction"));
    }
    assertTrue(Double.isNaN(runs.row(1).getDouble("final_accuracy")));
    assertEquals(6, runs.row(1).getInt("diverged_step"));
    assertTrue(runs.intColumn("diverged_step").isMissing(0), "the converging run");
  }

  @Test
  void manifestRecordsSpecEnvironmentTimesAndCounts() throws IOException {
    Manifest m = read.manifest();
    assertEquals("roundtrip", m.experiment());
    assertEquals(spec.sha256(), m.specSha256());
    assertEquals(spec.text(), m.specText());
    assertEquals(Path.of("experiments", "roundtrip.yaml").toString(), m.specFile());
    assertEquals("2026-11-21T14:30:05Z", m.started());
    assertEquals("2026-11-21T14:31:35Z", m.finished());
    assertEquals(2, m.cells());
    assertEquals(2, m.runs());
    assertEquals(1, m.divergedRuns());
    assertEquals(Manifest.COMPLETE, m.status());
    assertEquals("2.7.1", m.pytorchVersion());
    String json = Files.readString(read.dir().resolve("manifest.json"));
    List<String> keys =
        json.lines()
            .filter(l -> l.startsWith("  \""))
            .map(l -> l.substring(3, l.indexOf('"', 3)))
            .toList();
    assertEquals(Manifest.SCHEMA_VERSION, m.schemaVersion());
    assertEquals(
        List.of(
            "schema_version",
            "experiment",
            "description",
            "spec_file",
            "spec_sha256",
            "spec_text",
            "optbench_version",
            "git_commit",
            "java_version",
            "djl_version",
            "pytorch_version",
            "threads",
            "os",
            "cpu",
            "cores",
            "started",
            "finished",
            "cells",
            "runs",
            "diverged_runs",
            "status"),
        keys);
  }

  @Test
  void numericLookingIdsStayStrings() throws IOException {
    Path file = root.resolve("ids.csv");
    Table table = RunsTable.of("e", converging);
    table.stringColumn("run_id").set(0, "000123");
    Csv.write(table, file);
    Table back = CsvTableReader.read(file, RunsTable.SCHEMA, ReadLimits.TABLE_BYTES, "-").table();
    assertEquals("000123", back.stringColumn("run_id").get(0));
    assertFalse(Files.readString(file).contains("\r"), "line ends are \\n");
  }
}
