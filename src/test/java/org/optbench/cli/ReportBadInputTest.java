package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} on what is not a result set: one message, exit 2, no report folder. */
class ReportBadInputTest {

  @TempDir Path dir;

  private void assertRefused(Path results, String says) {
    Path out = dir.resolve("report");
    Cli.Result r = Cli.execute("report", results.toString(), "--out", out.toString());
    assertEquals(2, r.exit(), r.all());
    assertTrue(r.err().startsWith("error: " + results), r.all());
    assertTrue(r.err().contains(says), r.all());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void aFolderWithoutResults() throws Exception {
    assertRefused(Files.createDirectories(dir.resolve("empty")), "no manifest.json");
  }

  @Test
  void aSpecFile() throws Exception {
    Path spec = Files.writeString(dir.resolve("quick.yaml"), "name: quick\n");
    assertRefused(spec, "is an experiment spec, not a result set; run it first");
  }

  @Test
  void aTruncatedStepsFile() throws Exception {
    Path results = Cli.resultSet(dir.resolve("results"), "cut");
    Path steps = results.resolve("steps.parquet");
    byte[] bytes = Files.readAllBytes(steps);
    Files.write(steps, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertRefused(results, "steps.parquet");
  }
}
