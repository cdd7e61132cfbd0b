package org.optbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optbench.io.SampleResults.component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.metrics.RunResult;
import org.optbench.spec.Axis;
import org.optbench.spec.ExperimentSpec;
import tech.tablesaw.api.Table;

/** Staging, publishing and archiving of result sets. */
class ResultSetWriterTest {

  static final Instant FIRST = Instant.parse("2026-11-21T14:30:05Z");
  static final Instant SECOND = Instant.parse("2026-11-22T09:00:00Z");

  @TempDir Path root;

  final ExperimentSpec spec =
      SampleResults.spec(
          "exp",
          "two seeds of sgd",
          List.of(component(Axis.WORKLOAD, "linear_regression")),
          List.of(component(Axis.OPTIMIZER, "sgd", "lr", 0.1)),
          List.of(component(Axis.CLIP, "none")),
          List.of(0L, 1L),
          10,
          5);

  private CommitResult writeAll(Instant started) throws IOException {
    ResultSetWriter writer = ResultSetWriter.open(root, "exp");
    for (var cell : spec.cells()) {
      writer.add(SampleResults.converging(cell));
    }
    return writer.commit(spec, SampleResults.environment(), started, started.plusSeconds(60));
  }

  private List<String> children() throws IOException {
    try (Stream<Path> files = Files.list(root)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void commitPublishesTheFolderAndRemovesStagingAndParts() throws IOException {
    CommitResult result = writeAll(FIRST);
    assertEquals(root.resolve("exp"), result.published());
    assertEquals(Optional.empty(), result.archivedPrevious());
    assertEquals(List.of("exp"), children());
    try (Stream<Path> files = Files.list(root.resolve("exp"))) {
      assertEquals(
          List.of("manifest.json", "runs.csv", "steps.parquet"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals(2, ResultSet.read(result.published()).runs().rowCount());
  }

  @Test
  void commitMovesAnEarlierResultSetAsideInsteadOfOverwritingIt() throws IOException {
    writeAll(FIRST);
    CommitResult second = writeAll(SECOND);
    Path archived = root.resolve("exp.20261121T143005Z");
    assertEquals(Optional.of(archived), second.archivedPrevious());
    assertTrue(second.describe().contains("earlier results moved to " + archived));
    assertEquals(FIRST.toString(), ResultSet.read(archived).manifest().started());
    assertEquals(SECOND.toString(), ResultSet.read(root.resolve("exp")).manifest().started());

    // Same start time again: the archive name is taken, so a suffix is added.
    writeAll(FIRST);
    CommitResult fourth = writeAll(SECOND);
    assertEquals(Optional.of(root.resolve("exp.20261121T143005Z-2")), fourth.archivedPrevious());
    assertEquals(
        List.of("exp", "exp.20261121T143005Z", "exp.20261121T143005Z-2", "exp.20261122T090000Z"),
        children());
    for (String name : children()) {
      assertEquals(2, ResultSet.read(root.resolve(name)).steps().rowCount() / 10);
    }
  }

  @Test
  void aFolderWithoutManifestIsMovedAsideNotDeleted() throws IOException {
    Path handMade = Files.createDirectories(root.resolve("exp"));
    Files.writeString(handMade.resolve("notes.txt"), "keep me");
    CommitResult result = writeAll(FIRST);
    Path moved = result.archivedPrevious().orElseThrow();
    assertTrue(moved.getFileName().toString().startsWith("exp.20"), moved.toString());
    assertEquals("keep me", Files.readString(moved.resolve("notes.txt")));
  }

  @Test
  void stagingFoldersAreHiddenAndNeverReadAsResultSets() throws IOException {
    writeAll(FIRST);
    ResultSetWriter writer = ResultSetWriter.open(root, "exp");
    writer.add(SampleResults.converging(spec.cells().get(0)));
    Path staging = writer.staging();
    String name = staging.getFileName().toString();
    assertTrue(name.startsWith(".exp.partial-"), name);
    assertTrue(ResultFiles.isStaging(staging));
    assertFalse(ResultFiles.isStaging(root.resolve("exp")));
    assertEquals(List.of(root.resolve("exp")), ResultFiles.list(root));
    ResultSetException e = assertThrows(ResultSetException.class, () -> ResultSet.read(staging));
    assertTrue(e.getMessage().contains("still being written"), e.getMessage());
    // No experiment can be named like a staging folder.
    assertThrows(IllegalArgumentException.class, () -> ResultSetWriter.open(root, name));
    assertThrows(IllegalArgumentException.class, () -> ResultSetWriter.open(root, "a/b"));
    assertThrows(IllegalArgumentException.class, () -> ResultSetWriter.open(root, " "));
  }

  @Test
  void eachAddedRunIsCompleteOnDiskBeforeCommit() throws IOException {
    ResultSetWriter writer = ResultSetWriter.open(root, "exp");
    RunResult run = SampleResults.converging(spec.cells().get(0));
    writer.add(run);
    String id = run.summary().cell().runId();
    Path parts = writer.staging().resolve("runs");
    assertEquals(10, StepSeries.read(parts.resolve(id + ".steps.parquet"), "restore it").rows());
    assertEquals(1, read(parts.resolve(id + ".run.csv"), RunsTable.SCHEMA).rowCount());
    try (Stream<Path> files = Files.list(parts)) {
      assertEquals(2, files.count(), "no temporary files left beside the parts");
    }
  }

  @Test
  void abortDeletesStagingAndLeavesResultsAlone() throws IOException {
    writeAll(FIRST);
    ResultSetWriter writer = ResultSetWriter.open(root, "exp");
    writer.add(SampleResults.converging(spec.cells().get(0)));
    writer.abort();
    assertEquals(List.of("exp"), children());
    assertThrows(IllegalStateException.class, () -> writer.add(null));
  }

  @Test
  void aRunCannotBeAddedTwice() throws IOException {
    ResultSetWriter writer = ResultSetWriter.open(root, "exp");
    RunResult run = SampleResults.converging(spec.cells().get(0));
    writer.add(run);
    assertThrows(IllegalArgumentException.class, () -> writer.add(run));
    writer.abort();
  }

  @Test
  void aResultSetMissingRunsIsMarkedPartial() throws IOException {
    ResultSetWriter writer = ResultSetWriter.open(root, "exp");
    writer.add(SampleResults.converging(spec.cells().get(1)));
    CommitResult result = writer.commit(spec, SampleResults.environment(), FIRST, SECOND);
    Manifest manifest = ResultSet.read(result.published()).manifest();
    assertEquals(Manifest.PARTIAL, manifest.status());
    assertEquals(2, manifest.cells());
    assertEquals(1, manifest.runs());
  }

  @Test
  void anEmptyResultSetReadsBackWithItsColumns() throws IOException {
    ResultSetWriter writer = ResultSetWriter.open(root, "exp");
    CommitResult result = writer.commit(spec, SampleResults.environment(), FIRST, SECOND);
    ResultSet read = ResultSet.read(result.published());
    assertEquals(0, read.steps().rowCount());
    assertEquals(StepsTable.SCHEMA.names(), read.steps().columnNames());
  }

  @Test
  void readingAFolderThatIsNotAResultSetNamesWhatIsMissing() throws IOException {
    Path dir = Files.createDirectories(root.resolve("x"));
    Files.writeString(dir.resolve("steps.csv"), StepsTable.SCHEMA.header() + "\n");
    ResultSetException e = assertThrows(ResultSetException.class, () -> ResultSet.read(dir));
    assertEquals(
        dir.resolve("manifest.json") + ": missing; restore the folder from a copy, or rerun the"
            + " experiment (optbench run SPEC)",
        e.getMessage());
    ResultSetException absent =
        assertThrows(ResultSetException.class, () -> ResultSet.read(root.resolve("nope")));
    assertTrue(absent.getMessage().contains("no such results folder"), absent.getMessage());
  }

  @Test
  void aFileMissingColumnsIsRejectedByName() throws IOException {
    Path file = root.resolve("runs.csv");
    Files.writeString(file, "run_id,seed\nabc,1\n");
    ResultSetException e =
        assertThrows(ResultSetException.class, () -> read(file, RunsTable.SCHEMA));
    assertTrue(e.getMessage().contains("lacks the columns [experiment,"), e.getMessage());
  }

  private static Table read(Path file, ColumnSchema schema) {
    return CsvTableReader.read(file, schema, ReadLimits.TABLE_BYTES, "restore it").table();
  }
}
