package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.io.ResultSet;
import org.optbench.spec.SpecParser;
import tech.tablesaw.api.Table;

/** Resuming grids: reuse of complete cells, a real SIGKILL mid-grid, workers, shards and merge. */
class IncrementalRunTest {

  @TempDir Path dir;

  /** 12 cells of 120 steps: long enough to kill the grid halfway, short enough for a test. */
  static final String SPEC =
      """
      name: %s
      workloads:
        - {model: mlp, hidden: [16], batch_size: 32, train_size: 256, eval_size: 64}
      steps: 120
      eval_every: 40
      seeds: [0, 1, 2]
      grid:
        optimizer:
          - {name: sgd, lr: 0.1, momentum: 0.9}
          - {name: adam, lr: 0.01}
        clip:
          - none
          - {name: global_norm, max_norm: 0.5}
      """;

  private Path spec(String name) throws IOException {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, SPEC.formatted(name));
    return file;
  }

  /** Runs the CLI in this JVM and returns {exit code, standard output}. */
  private Object[] cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int exit = Main.execute(args);
      return new Object[] {exit, out.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setOut(original);
    }
  }

  private List<String> runArgs(Path spec, Path root, String... more) {
    List<String> args = new ArrayList<>(List.of("run", spec.toString(), "--out", root.toString(),
        "--reports", dir.resolve("reports").toString(), "--no-progress"));
    args.addAll(List.of(more));
    return args;
  }

  /** Every run once, every (run, step) once, and every step of every run present. */
  static void assertCompleteAndUnique(ResultSet results, int runs, int steps) {
    Table runsTable = results.runs();
    assertEquals(runs, runsTable.rowCount());
    assertEquals(runs, new HashSet<>(runsTable.stringColumn("run_id").asList()).size());
    Table stepsTable = results.steps();
    assertEquals(runs * steps, stepsTable.rowCount(), "no lost and no duplicated step rows");
    Set<String> keys = new HashSet<>();
    for (int row = 0; row < stepsTable.rowCount(); row++) {
      keys.add(stepsTable.stringColumn("run_id").get(row) + "#" + stepsTable.intColumn("step").get(row));
    }
    assertEquals(runs * steps, keys.size(), "(run_id, step) unique");
  }

  @Test
  void aGridKilledWithSigkillFinishesOnTheSameCommandWithNoLostOrDuplicatedRows() throws Exception {
    Path spec = spec("killed");
    Path root = dir.resolve("results");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-Xmx1g",
        "-cp", System.getProperty("java.class.path"), "org.optbench.cli.Main"));
    command.addAll(runArgs(spec, root));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile());
    builder.environment().put("OPT_OUT_TRACKING", "true");
    Process child = builder.start();
    Path parts = root.resolve(".killed.cells/runs");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (completeRuns(parts) < 3 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(child.isAlive(), "the child was still training when killed: " + Files.readString(dir.resolve("child.log")));
    child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no cleanup
    child.waitFor(30, TimeUnit.SECONDS);
    int survived = completeRuns(parts);
    assertTrue(survived >= 3 && survived < 12, "killed after " + survived + " of 12 runs");
    assertFalse(Files.exists(root.resolve("killed")), "nothing published by the killed grid");

    Object[] rerun = cli(runArgs(spec, root).toArray(String[]::new));
    assertEquals(0, rerun[0]);
    assertTrue(((String) rerun[1]).contains(survived + " of 12 runs already complete"), (String) rerun[1]);
    assertCompleteAndUnique(ResultSet.read(root.resolve("killed")), 12, 120);

    // The same command once more trains nothing and keeps the result set in place.
    Object[] again = cli(runArgs(spec, root).toArray(String[]::new));
    assertTrue(((String) again[1]).contains("12 of 12 runs already complete"), (String) again[1]);
    assertFalse(((String) again[1]).contains("earlier results moved"), (String) again[1]);
    try (Stream<Path> entries = Files.list(root)) {
      assertEquals(1, entries.filter(p -> p.getFileName().toString().startsWith("killed")).count());
    }
  }

  private static int completeRuns(Path parts) throws IOException {
    if (!Files.isDirectory(parts)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(parts)) {
      return (int) files.filter(p -> p.getFileName().toString().endsWith(".key")).count();
    }
  }

  @Test
  void shardsMergeIntoTheResultSetOfTheWholeGridAndWorkersGiveTheSameNumbers() throws Exception {
    Path spec = spec("sharded");
    assertEquals(0, cli(runArgs(spec, dir.resolve("a"), "--shard", "0/2").toArray(String[]::new))[0]);
    assertEquals(0, cli(runArgs(spec, dir.resolve("b"), "--shard", "1/2", "--workers", "2").toArray(String[]::new))[0]);
    assertEquals(6, ResultSet.read(dir.resolve("a/sharded")).runs().rowCount());
    assertEquals("partial", ResultSet.read(dir.resolve("a/sharded")).manifest().status());

    Object[] merged = cli("merge", dir.resolve("b/sharded").toString(), dir.resolve("a/sharded").toString(),
        "--out", dir.resolve("merged").toString());
    assertEquals(0, merged[0], (String) merged[1]);
    ResultSet whole = ResultSet.read(dir.resolve("merged/sharded"));
    assertCompleteAndUnique(whole, 12, 120);
    assertEquals("complete", whole.manifest().status());
    List<String> gridOrder = SpecParser.parse(spec).cells().stream().map(c -> c.runId()).toList();
    assertEquals(gridOrder, whole.runs().stringColumn("run_id").asList(), "merged in grid order");

    // Workers (child JVMs, one thread each) give the numbers of a serial run.
    assertEquals(0, cli(runArgs(spec, dir.resolve("serial")).toArray(String[]::new))[0]);
    Table serial = ResultSet.read(dir.resolve("serial/sharded")).runs();
    assertEquals(serial.doubleColumn("final_loss").asList(), whole.runs().doubleColumn("final_loss").asList());
    assertEquals(0, cli("report", dir.resolve("merged/sharded").toString(), "--out", dir.resolve("rep").toString())[0]);

    // A shard of another spec is refused with exit 2 and nothing merged.
    Files.writeString(spec, SPEC.formatted("sharded").replace("lr: 0.01", "lr: 0.02"));
    assertEquals(0, cli(runArgs(spec, dir.resolve("c"), "--shard", "0/2").toArray(String[]::new))[0]);
    assertEquals(2, cli("merge", dir.resolve("a/sharded").toString(), dir.resolve("c/sharded").toString(),
        "--out", dir.resolve("refused").toString())[0]);
    assertFalse(Files.exists(dir.resolve("refused/sharded")));
  }
}
