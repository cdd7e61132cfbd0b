package org.optbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.optbench.spec.Axis;
import org.optbench.spec.ExperimentSpec;

/**
 * A result set that reproduces the published one replaces it in place: its files are renewed, and
 * whatever else a user put in that folder stays there.
 */
class ReplacedResultSetTest {

  static final Instant FIRST = Instant.parse("2026-11-21T14:30:05Z");
  static final Instant SECOND = Instant.parse("2026-11-22T09:00:00Z");

  @TempDir Path root;

  final ExperimentSpec spec =
      SampleResults.spec("exp", "two seeds of sgd",
          List.of(component(Axis.WORKLOAD, "linear_regression")),
          List.of(component(Axis.OPTIMIZER, "sgd", "lr", 0.1)),
          List.of(component(Axis.CLIP, "none")),
          List.of(0L, 1L), 10, 5);

  private CommitResult publish(Instant started, boolean replace) throws IOException {
    ResultSetWriter writer = ResultSetWriter.open(root, "exp");
    for (var cell : spec.cells()) {
      writer.add(SampleResults.converging(cell));
    }
    writer.replaceIf(previous -> replace);
    return writer.commit(spec, SampleResults.environment(), started, started.plusSeconds(60));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void replacingKeepsFilesAndFoldersOptbenchDidNotWriteAndSaysSo() throws IOException {
    Path published = publish(FIRST, false).published();
    Files.writeString(published.resolve("notes.md"), "seed 1 looks odd");
    Files.createDirectories(published.resolve("plots"));
    Files.writeString(published.resolve("plots/loss.png"), "png");

    CommitResult replaced = publish(SECOND, true);
    assertEquals(Optional.empty(), replaced.archivedPrevious());
    assertEquals("seed 1 looks odd", Files.readString(published.resolve("notes.md")));
    assertEquals("png", Files.readString(published.resolve("plots/loss.png")));
    assertEquals(SECOND.toString(), ResultSet.read(published).manifest().started(), "the new manifest");
    assertEquals(2, ResultSet.read(published).runs().rowCount());
    assertEquals(List.of("exp"), names(root), "no staging or replaced folder left behind");
    assertEquals(List.of("manifest.json", "notes.md", "plots", "runs.csv", "steps.parquet"), names(published));
    assertTrue(replaced.describe().endsWith("(kept files optbench did not write: "
        + published.resolve("notes.md") + ", " + published.resolve("plots") + ")"), replaced.describe());
  }
}
