package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.io.ResultSet;
import org.optbench.testing.NetworkGuard;
import tech.tablesaw.api.Table;

/** The command line end to end: exit codes, what is written, determinism, no network. */
class CliRunTest {

  @TempDir Path dir;

  private static final String SMALL_SPEC =
      """
      name: small
      description: two optimizers on the MLP
      workloads:
        - {model: mlp, hidden: [16], batch_size: 32, train_size: 256, eval_size: 64}
      steps: 40
      eval_every: 20
      seeds: [3]
      grid:
        optimizer:
          - {name: sgd, lr: 0.1, momentum: 0.9}
          - {name: adam, lr: 0.01}
        clip:
          - none
          - {name: global_norm, max_norm: 0.5}
      """;

  private Path spec(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private int run(Path spec, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of(
        "run", spec.toString(), "--out", dir.resolve("results").toString(),
        "--reports", dir.resolve("reports").toString(), "--no-progress"));
    args.addAll(List.of(more));
    return Main.execute(args.toArray(String[]::new));
  }

  @Test
  void runWritesResultsAndReportAndIsDeterministic() throws IOException {
    Path spec = spec("small.yaml", SMALL_SPEC);
    assertEquals(0, run(spec));
    Path results = dir.resolve("results/small");
    assertTrue(Files.isRegularFile(results.resolve("steps.parquet")));
    assertTrue(Files.isRegularFile(results.resolve("runs.csv")));
    assertTrue(Files.isRegularFile(results.resolve("manifest.json")));
    assertTrue(Files.isRegularFile(dir.resolve("reports/small/index.html")));
    Table first = ResultSet.read(results).steps();
    assertEquals(4 * 40, first.rowCount(), "4 runs × 40 steps");

    // Same spec again, retrained (--force), one thread: identical numbers, and the first result
    // set is kept aside because its rows were not reused.
    assertEquals(0, run(spec, "--force"));
    Table second = ResultSet.read(results).steps();
    for (String column : List.of("loss", "grad_norm", "grad_norm_clipped", "eval_loss", "eval_accuracy")) {
      assertEquals(
          first.doubleColumn(column).asList(), second.doubleColumn(column).asList(), column);
    }
    try (Stream<Path> entries = Files.list(dir.resolve("results"))) {
      assertEquals(2, entries.filter(p -> p.getFileName().toString().startsWith("small")).count(),
          "the earlier result set is archived beside the new one, not overwritten");
    }
  }

  @Test
  void aLearningRateFarTooLargeIsRecordedAsDivergenceAndTheGridGoesOn() throws IOException {
    Path spec =
        spec("diverge.yaml",
            """
            name: diverge
            workloads:
              - {model: linear_regression, features: 10, batch_size: 16}
            steps: 60
            eval_every: 30
            grid:
              optimizer:
                - {name: sgd, lr: [1000.0, 0.01]}
            """);
    assertEquals(0, run(spec), "divergence is a result, not an error");
    Table runs = ResultSet.read(dir.resolve("results/diverge")).runs();
    Table steps = ResultSet.read(dir.resolve("results/diverge")).steps();
    assertEquals(2, runs.rowCount());
    // lr 1000 on a quadratic with curvature ~2 multiplies the error by ~|1 − 2000| per step:
    // float32 overflows within a few dozen steps.
    assertTrue(runs.booleanColumn("diverged").get(0));
    int divergedAt = runs.intColumn("diverged_step").get(0);
    assertTrue(divergedAt > 1 && divergedAt < 60, "diverged at " + divergedAt);
    Table divergedRows = steps.where(steps.stringColumn("run_id").isEqualTo(runs.stringColumn("run_id").get(0)));
    assertEquals(divergedAt, divergedRows.rowCount(), "no step after the divergence is recorded");
    assertFalse(Double.isFinite(divergedRows.doubleColumn("loss").get(divergedAt - 1))
        && Double.isFinite(divergedRows.doubleColumn("grad_norm").get(divergedAt - 1)));
    assertFalse(runs.booleanColumn("diverged").get(1), "the small learning rate still trains");
    assertEquals(60, steps.where(steps.stringColumn("run_id").isEqualTo(runs.stringColumn("run_id").get(1))).rowCount());
  }

  /**
   * {@code run --out DIR} without {@code --reports} writes the report under DIR, never into the
   * working directory's reports/ (where a shard's partial report once replaced a full one).
   */
  @Test
  void aRunSentElsewhereWritesItsReportUnderItsOutFolder() throws IOException {
    String name = "out_only_" + ProcessHandle.current().pid();
    Path spec = spec("elsewhere.yaml", SMALL_SPEC.replace("name: small", "name: " + name));
    Path out = dir.resolve("elsewhere");
    assertFalse(Files.exists(Path.of("reports", name)));
    assertEquals(0, Main.execute("run", spec.toString(), "--out", out.toString(), "--shard", "0/2",
        "--no-progress"));
    assertTrue(Files.isRegularFile(out.resolve("reports").resolve(name).resolve("index.html")));
    assertTrue(Files.isRegularFile(out.resolve(name).resolve("manifest.json")));
    assertFalse(Files.exists(Path.of("reports", name)), "nothing in the working directory's reports/");
  }

  @Test
  void aBrokenSpecExitsTwoWithOneLineAndWritesNothing() throws IOException {
    Path spec = spec("broken.yaml", SMALL_SPEC.replace("name: adam", "name: adma"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = run(spec);
    } finally {
      System.setErr(original);
    }
    assertEquals(2, exit);
    String message = err.toString(StandardCharsets.UTF_8).strip();
    assertTrue(message.startsWith("error: " + spec + ":"), message);
    assertTrue(message.contains("unknown optimizer 'adma'"), message);
    assertFalse(message.contains("\tat "), "no stack trace: " + message);
    assertFalse(Files.exists(dir.resolve("results")), "nothing written");
    assertFalse(Files.exists(dir.resolve("reports")), "nothing written");
  }

  @Test
  void aTrainingRunOpensNoNetworkConnection() throws Exception {
    // The JDK removed the security manager in release 24; the project's JDK is 17.
    org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() < 24);
    Path spec = spec("offline.yaml", SMALL_SPEC.replace("name: small", "name: offline"));
    try (NetworkGuard guard = NetworkGuard.install()) {
      assertEquals(0, run(spec));
      assertEquals(List.of(), guard.attempts(), "network attempts during a run");

      // The guard really sees connections: a plain socket and DJL's telemetry-style HTTP request.
      assertThrows(SecurityException.class, () -> new Socket("127.0.0.1", 9).close());
      HttpURLConnection http =
          (HttpURLConnection) new URL("http://169.254.169.254/latest/meta-data/").openConnection();
      // HttpURLConnection wraps the refusal in a RuntimeException; the guard still records it.
      assertThrows(RuntimeException.class, http::getResponseCode);
      assertEquals(2, guard.attempts().size(), guard.attempts().toString());
    }
  }
}
