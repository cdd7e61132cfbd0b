package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress when standard error is not a terminal (as under CI and in this test): lines, never a
 * bar of carriage returns; bad progress flags are refused before anything runs.
 */
class ProgressCliTest {

  private static final String SPEC = "name: p\nworkloads: [{model: linear_regression,"
      + " dataset: synthetic_linear, features: 3}]\nsteps: 20\nseeds: [0, 1]\n"
      + "grid: {optimizer: [{name: sgd, lr: 0.01}]}\n";

  @TempDir Path dir;

  private Cli.Result run(String... flags) throws Exception {
    Path spec = Files.writeString(dir.resolve("p.yaml"), SPEC);
    String[] args = new String[6 + flags.length];
    String[] base = {"run", spec.toString(), "--out", dir.resolve("results").toString(),
        "--reports", dir.resolve("reports").toString()};
    System.arraycopy(base, 0, args, 0, 6);
    System.arraycopy(flags, 0, args, 6, flags.length);
    return Cli.execute(args);
  }

  @Test
  void withoutATerminalTheDefaultIsLinesEndingWithTheTotal() throws Exception {
    Cli.Result result = run("--force");
    assertEquals(0, result.exit(), result.err());
    assertFalse(result.err().contains("\r"), "no carriage returns: " + result.err());
    assertTrue(result.err().lines().anyMatch(
        l -> l.matches("p: 2/2 runs \\(100%\\), 40/40 steps, \\d+ s elapsed, done")),
        result.err());
  }

  @Test
  void noneAndNoProgressPrintNoProgress() throws Exception {
    for (String[] flags : new String[][] {{"--progress", "none"}, {"--no-progress"}}) {
      Cli.Result result = run(flags);
      assertEquals(0, result.exit(), result.err());
      assertFalse(result.err().contains("runs (100%)"), result.err());
    }
  }

  @Test
  void badProgressFlagsAreRefusedWithExit2AndNothingWritten() throws Exception {
    String[][] bad = {{"--progress", "fancy"}, {"--progress-every", "0"},
        {"--no-progress", "--progress", "lines"}};
    String[] messages = {"error: --progress is auto, bar, lines or none, got 'fancy'",
        "error: --progress-every must be at least 1 second, got 0",
        "error: --no-progress contradicts --progress lines; give one of them"};
    for (int i = 0; i < bad.length; i++) {
      Cli.Result result = run(bad[i]);
      assertEquals(2, result.exit(), result.err());
      assertEquals(messages[i], result.err().strip());
      assertFalse(Files.exists(dir.resolve("results")));
      assertFalse(Files.exists(dir.resolve("reports")));
    }
  }
}
