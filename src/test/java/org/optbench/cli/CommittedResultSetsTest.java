package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.io.Manifest;
import org.optbench.io.ManifestJson;
import org.optbench.io.PublishedRuns;
import org.optbench.io.ResultSet;
import org.optbench.io.ResultSetException;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * The result sets committed before {@code schema_version} existed (version 1: {@code clip}, a
 * packed {@code lr}, -1 for "did not diverge") read as version 2 (docs/data-schema.md, "Older
 * result sets"), and still compare.
 */
class CommittedResultSetsTest {

  private static final Path NIGHTLY = Path.of("results", "baselines", "nightly");
  private static final Path ADAM_MLP = Path.of("results", "reproductions", "repro_adam_mlp");

  @TempDir Path dir;

  @Test
  void aVersion1BaselineReadsWithTheVersion2Columns() {
    assertEquals(1, PublishedRuns.manifest(NIGHTLY).schemaVersion(), "no schema_version field");
    Table runs = PublishedRuns.runs(NIGHTLY);
    assertEquals(2790, runs.rowCount());
    List<String> names = runs.columnNames();
    assertFalse(names.contains("clip"));
    assertFalse(names.contains("lr"));
    // The file's first row: "linear_regression · sgd(lr=0.01,momentum=0.9) · none · djl".
    assertEquals("none", runs.stringColumn("clip_method").get(0));
    assertEquals(ColumnType.DOUBLE, runs.column("optimizer_lr").type());
    assertEquals(0.01, runs.doubleColumn("optimizer_lr").getDouble(0));
    assertEquals(0.9, runs.doubleColumn("optimizer_momentum").getDouble(0));
    assertEquals(false, runs.booleanColumn("optimizer_nesterov").get(0));
    assertEquals(10, runs.longColumn("workload_features").getLong(0));
    // Unpacked columns stand after engine, by component then name: spirals_mlp's arms first.
    assertEquals(names.indexOf("engine") + 1, names.indexOf("workload_arms"));
    assertTrue(names.indexOf("optimizer_beta1") < names.indexOf("optimizer_lr"));
    assertTrue(names.indexOf("optimizer_weight_decay") < names.indexOf("clip_max_norm"));
    // Adafactor's relative step has lr=null: an empty cell, as for sgd's missing beta2.
    int adafactor = runs.stringColumn("optimizer").indexOf("adafactor");
    assertTrue(runs.doubleColumn("optimizer_lr").isMissing(adafactor));
    assertTrue(runs.doubleColumn("optimizer_beta2").isMissing(0));
    // The manifest counts 0 diverged runs: every -1 reads as missing.
    assertEquals(runs.rowCount(), runs.intColumn("diverged_step").countMissing());
  }

  @Test
  void aVersion1ResultSetWithStepsReadsWithHyperparametersOnEveryStepRow() {
    ResultSet results = ResultSet.read(ADAM_MLP);
    // The first run of runs.csv: adam(lr=1.0E-5), 600 steps.
    assertEquals(1e-5, results.runs().doubleColumn("optimizer_lr").getDouble(0));
    Table steps = results.steps();
    assertEquals(1e-5, steps.doubleColumn("optimizer_lr").getDouble(0));
    assertEquals("none", steps.stringColumn("clip_method").get(0));
    assertEquals(results.runs().stringColumn("run_id").get(0), steps.stringColumn("run_id").get(0));
  }

  @Test
  void theNightlyBaselineComparesWithItself() {
    Cli.Result result = Cli.execute("compare", "--baseline", NIGHTLY.toString(),
        "--current", NIGHTLY.toString(), "--report", dir.resolve("report").toString());
    assertEquals(0, result.exit(), result.all());
    assertTrue(result.out().contains("0 regressions, 0 changed, 0 missing"), result.all());
  }

  @Test
  void aNewerSchemaVersionIsRefusedNamingIt() throws Exception {
    Path manifest = dir.resolve("manifest.json");
    String json = Files.readString(NIGHTLY.resolve("manifest.json"));
    Files.writeString(manifest, json.replaceFirst("\\{", "{\n  \"schema_version\" : "
        + (Manifest.SCHEMA_VERSION + 1) + ","));
    ResultSetException e = assertThrows(ResultSetException.class, () -> ManifestJson.read(manifest));
    assertTrue(e.getMessage().contains("field schema_version: " + (Manifest.SCHEMA_VERSION + 1)
        + ", but this optbench reads result sets of schema versions 1 to "
        + Manifest.SCHEMA_VERSION), e.getMessage());
  }
}
