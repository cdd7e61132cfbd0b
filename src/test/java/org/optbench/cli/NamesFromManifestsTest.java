package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names taken from a manifest become folder names ({@code baseline update}, {@code compare}), so a
 * manifest whose {@code experiment} field is a path must be refused, not followed; and a baseline
 * update replaces its own four files only.
 */
class NamesFromManifestsTest {

  @TempDir Path dir;

  Path results;
  Path victim;

  @BeforeEach
  void resultSetAndAFolderThatMustSurvive() throws Exception {
    results = Cli.resultSet(dir.resolve("results"), "exp");
    victim = Files.createDirectories(dir.resolve("victim"));
    Files.writeString(victim.resolve("precious.txt"), "keep me");
  }

  private void assertVictimUntouched() throws Exception {
    try (Stream<Path> files = Files.list(victim)) {
      assertEquals(List.of(victim.resolve("precious.txt")), files.toList());
    }
    assertEquals("keep me", Files.readString(victim.resolve("precious.txt")));
  }

  @Test
  void baselineUpdateRefusesAnExperimentFieldThatIsAPath() throws Exception {
    // "../victim" from the baselines root, and an absolute path: both used to name the folder
    // that baseline update replaced (and deleted).
    for (String field : List.of("../victim", victim.toString())) {
      Cli.setExperimentField(results, field);
      Cli.Result result = Cli.execute("baseline", "update", results.toString(),
          "--baselines", dir.resolve("baselines").toString());
      assertEquals(2, result.exit(), result.all());
      assertTrue(result.err().startsWith("error: " + results.resolve("manifest.json") + ": field experiment"),
          result.err());
      assertFalse(result.hasStackTrace(), result.err());
      assertEquals(1, result.err().strip().lines().count(), "one line: " + result.err());
      assertVictimUntouched();
      assertFalse(Files.exists(dir.resolve("baselines")), "nothing written");
    }
  }

  @Test
  void compareRefusesAnExperimentFieldThatLeavesTheReportsFolder() throws Exception {
    // The default report folder is reports/<experiment>/compare under the working directory:
    // this field climbs out of reports/ into the test's folder.
    Path cwd = Path.of("").toAbsolutePath();
    String field = "../" + cwd.relativize(victim.toAbsolutePath());
    Cli.setExperimentField(results, field);
    Cli.Result result = Cli.execute("compare", "--baseline", results.toString(), "--current", results.toString());
    assertEquals(2, result.exit(), result.all());
    assertTrue(result.err().contains("manifest.json: field experiment"), result.err());
    assertFalse(result.hasStackTrace(), result.err());
    assertFalse(Files.exists(victim.resolve("compare")), "nothing written outside reports/");
    assertVictimUntouched();
  }

  @Test
  void reportRefusesAnExperimentFieldThatIsAPath() throws Exception {
    Cli.setExperimentField(results, "../victim");
    Path out = dir.resolve("report");
    Cli.Result result = Cli.execute("report", results.toString(), "--out", out.toString());
    assertEquals(2, result.exit(), result.all());
    assertTrue(result.err().startsWith("error: " + results.resolve("manifest.json") + ": field experiment"),
        result.err());
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void baselineUpdateReplacesItsFourFilesAndKeepsEverythingElse() throws Exception {
    Path baselines = dir.resolve("baselines");
    assertEquals(0, Cli.execute("baseline", "update", results.toString(), "--baselines", baselines.toString()).exit());
    Path baseline = baselines.resolve("exp");
    Files.writeString(baseline.resolve("README.md"), "why this baseline");
    Files.writeString(baseline.resolve("runs.csv"), "stale");

    Cli.Result again = Cli.execute("baseline", "update", results.toString(), "--baselines", baselines.toString());
    assertEquals(0, again.exit(), again.all());
    assertEquals("why this baseline", Files.readString(baseline.resolve("README.md")));
    assertEquals(Files.readString(results.resolve("runs.csv")), Files.readString(baseline.resolve("runs.csv")),
        "runs.csv is the baseline's own file, replaced");
    try (Stream<Path> files = Files.list(baseline)) {
      assertEquals(List.of("README.md", "cells.csv", "manifest.json", "runs.csv", "targets.csv"),
          files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary or stray files");
    }
    assertTrue(again.out().contains("kept 1 file(s) optbench did not write: " + baseline.resolve("README.md")),
        again.out());
  }
}
