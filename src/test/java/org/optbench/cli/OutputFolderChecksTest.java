package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output location of every command is checked before anything trains or is written: a file
 * where a folder should be, a folder that cannot be created or written, and a page optbench did not
 * write give one line and exit 2, and nothing is written.
 */
class OutputFolderChecksTest {

  @TempDir Path dir;

  Path spec;
  Path file;
  Path results;
  List<Path> before;

  /** One cell of 5 steps: if a check came after training, the test would still be quick. */
  static final String SPEC = """
      name: tiny
      workloads: [{model: linear_regression, features: 4, batch_size: 8}]
      steps: 5
      grid:
        optimizer: [{name: sgd, lr: 0.1}]
      """;

  @BeforeEach
  void inputs() throws Exception {
    spec = dir.resolve("tiny.yaml");
    Files.writeString(spec, SPEC);
    file = dir.resolve("notes.txt");
    Files.writeString(file, "not a folder");
    results = Cli.resultSet(dir.resolve("results"), "exp");
    before = everything();
  }

  private List<Path> everything() throws Exception {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.sorted().toList();
    }
  }

  private void assertRefused(Cli.Result result, String expectedStart) throws Exception {
    assertEquals(2, result.exit(), result.all());
    assertTrue(result.err().startsWith("error: " + expectedStart), result.err());
    assertEquals(1, result.err().strip().lines().count(), "one line: " + result.err());
    assertFalse(result.hasStackTrace(), result.err());
    assertEquals("not a folder", Files.readString(file));
    assertEquals(before, everything(), "nothing written");
  }

  @Test
  void runRefusesAFileAsResultsOrReportsRoot() throws Exception {
    assertRefused(Cli.execute("run", spec.toString(), "--out", file.toString(), "--reports",
        dir.resolve("reports").toString(), "--no-progress"),
        "--out " + file + " exists and is not a folder; pass a folder, or a path where one can be created");
    // A bad --reports used to be found only after the whole grid had trained.
    assertRefused(Cli.execute("run", spec.toString(), "--out", dir.resolve("out").toString(),
        "--reports", file.toString(), "--no-progress"), "--reports " + file + " exists and is not a folder");
  }

  @Test
  void runRefusesAFolderThatCannotBeCreated() throws Exception {
    Path below = file.resolve("results");
    assertRefused(Cli.execute("run", spec.toString(), "--out", below.toString(), "--reports",
        dir.resolve("reports").toString(), "--no-progress"),
        "--out " + below + " cannot be created: " + file + " is a file, not a folder; pass another path");
  }

  @Test
  void runRefusesAReportsRootWhoseIndexPageOptbenchDidNotWrite() throws Exception {
    Path site = Files.createDirectories(dir.resolve("site"));
    Files.writeString(site.resolve("index.html"), "<title>my site</title>");
    before = everything();
    assertRefused(Cli.execute("run", spec.toString(), "--out", dir.resolve("out").toString(),
        "--reports", site.toString(), "--no-progress"),
        site.resolve("index.html") + " was not written by optbench");
  }

  @Test
  void runRefusesAFileWhereItsWorkFolderGoes() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve(".tiny.cells"), "in the way");
    before = everything();
    assertRefused(Cli.execute("run", spec.toString(), "--out", out.toString(), "--reports",
        dir.resolve("reports").toString(), "--no-progress"),
        out.resolve(".tiny.cells") + " exists and is not a folder");
  }

  @Test
  void reportCompareBaselineAndMergeRefuseAFileAsTheirFolder() throws Exception {
    assertRefused(Cli.execute("report", results.toString(), "--out", file.toString()),
        "--out " + file + " exists and is not a folder");
    assertRefused(Cli.execute("compare", "--baseline", results.toString(), "--current",
        results.toString(), "--report", file.toString()), "--report " + file + " exists and is not a folder");
    assertRefused(Cli.execute("baseline", "update", results.toString(), "--baselines", file.toString()),
        "--baselines " + file + " exists and is not a folder");
    assertRefused(Cli.execute("merge", results.toString(), "--out", file.toString()),
        "--out " + file + " exists and is not a folder");
  }

  @Test
  void aFolderThatCannotBeWrittenIsRefused() throws Exception {
    Path readOnly = Files.createDirectories(dir.resolve("read-only"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    // root may write anywhere: there the folder is writable and nothing is to be refused.
    Assumptions.assumeFalse(Files.isWritable(readOnly), "running as a user who may write anywhere");
    before = everything();
    assertRefused(Cli.execute("report", results.toString(), "--out", readOnly.toString()),
        "--out " + readOnly + " is not writable; pass a folder you can write to");
  }
}
