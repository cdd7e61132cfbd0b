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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.io.ResultSet;
import org.optbench.spec.SpecParser;
import tech.tablesaw.api.Table;

/** Resuming grids: reuse of complete cells, a real SIGKILL mid-grid, workers, shards and merge. */
@Tag("slow")
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

  /** Starts {@code optbench ARGS} in a child JVM with the given extra JVM options. */
  private Process startChild(List<String> args, String log, String... jvmOptions) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-Xmx1g"));
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.optbench.cli.Main"));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(log).toFile());
    builder.environment().put("OPT_OUT_TRACKING", "true");
    return builder.start();
  }

  /**
   * Waits (at most two minutes) until {@code moment} holds, then kills {@code child} with SIGKILL.
   *
   * @return the child's own children (worker JVMs) as they were when it was killed
   */
  private List<ProcessHandle> killWhen(Process child, String log, Callable<Boolean> moment)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!moment.call() && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(child.isAlive() && moment.call(), "the moment came while the child ran: " + Files.readString(dir.resolve(log)));
    List<ProcessHandle> workers = child.children().toList();
    child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no cleanup
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    return workers;
  }

  private static List<Path> matching(Path folder, String regex) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    // A running child renames its temporary files while the folder is walked: a file that
    // vanishes between listing and visiting restarts the walk.
    while (true) {
      try (Stream<Path> files = Files.walk(folder)) {
        return files.filter(p -> p.getFileName().toString().matches(regex)).toList();
      } catch (java.io.UncheckedIOException e) {
        if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) {
          throw e;
        }
      }
    }
  }

  /**
   * A grid killed while it publishes (joining steps.parquet in its staging folder, after its last
   * cell) is published whole by the same command, which also removes what killed runs left: their
   * staging folder, temporary files and worker spec copies. An unchanged rerun after that keeps a
   * user's file in the result folder.
   */
  @Test
  void aGridKilledWhilePublishingIsPublishedByTheSameCommandWithNoLeftovers() throws Exception {
    Path spec = spec("published");
    Path root = dir.resolve("results");
    Path work = root.resolve(".published.cells");

    // 1. Killed mid-grid while a worker JVM trains: the parent's spec copy for its workers stays.
    Process first = startChild(runArgs(spec, root, "--workers", "2"), "first.log");
    String copy = "worker-" + first.pid() + "-\\d+\\.yaml";
    List<ProcessHandle> orphans = killWhen(first, "first.log",
        () -> completeRuns(work.resolve("runs")) >= 1 && !matching(work, copy).isEmpty());
    assertEquals(1, matching(work, copy).size(), "the spec copy lies in the work folder, not in /tmp");
    assertEquals(1, orphans.size(), "one worker JVM beside the parent");
    // The orphaned worker finishes its cell, then reads the end of its input and exits.
    for (ProcessHandle orphan : orphans) {
      orphan.onExit().get(60, TimeUnit.SECONDS);
    }

    // 2. The same command, killed while it joins the steps of all 12 runs for publishing. It
    // removes the first one's spec copy as it starts (that process is gone).
    Process second = startChild(runArgs(spec, root), "second.log",
        "-Doptbench.test.pauseBeforeReplacing=steps.parquet");
    killWhen(second, "second.log", () -> !matching(root, "\\.steps\\.parquet\\." + second.pid() + "-[0-9a-f]+\\.tmp").isEmpty());
    String secondLog = Files.readString(dir.resolve("second.log"));
    assertTrue(secondLog.contains("removed ") && secondLog.contains(".published.cells/worker-" + first.pid() + "-"), secondLog);
    assertEquals(List.of(), matching(work, copy));
    List<Path> staging = matching(root, "\\.published\\.partial-" + second.pid() + "-\\d+");
    assertEquals(1, staging.size(), "the killed publish left its staging folder");
    assertFalse(Files.exists(root.resolve("published")), "nothing published by the killed run");

    // 3. The same command once more: trains nothing, removes the staging folder, publishes.
    Object[] rerun = cli(runArgs(spec, root).toArray(String[]::new));
    String out = (String) rerun[1];
    assertEquals(0, rerun[0], out);
    assertTrue(out.contains("12 of 12 runs already complete"), out);
    assertTrue(out.contains("leftover(s) of interrupted runs whose process is gone: " + staging.get(0)), out);
    ResultSet published = ResultSet.read(root.resolve("published"));
    assertCompleteAndUnique(published, 12, 120);
    List<String> gridOrder = SpecParser.parse(spec).cells().stream().map(c -> c.runId()).toList();
    assertEquals(gridOrder, published.runs().stringColumn("run_id").asList(), "in grid order");
    List<String> publishedLines = Files.readAllLines(root.resolve("published/runs.csv"));
    for (int row = 0; row < 12; row++) {
      String id = gridOrder.get(row);
      List<String> stored = Files.readAllLines(work.resolve("runs/" + id + ".run.csv"));
      // The published row has the columns of every run's hyperparameters; those of this run's
      // own part hold its values as stored, the others are empty.
      Map<String, String> own = cells(stored.get(0), stored.get(1));
      Map<String, String> all = cells(publishedLines.get(0), publishedLines.get(row + 1));
      for (var cell : all.entrySet()) {
        assertEquals(own.getOrDefault(cell.getKey(), ""), cell.getValue(),
            "run " + id + " as its worker stored it, column " + cell.getKey());
      }
      assertTrue(all.keySet().containsAll(own.keySet()), "run " + id + ": " + own.keySet());
    }
    assertEquals(List.of(), matching(dir, ".*\\.partial-.*"), "no staging folder");
    assertEquals(List.of(), matching(dir, ".*\\.tmp"), "no temporary file");
    assertEquals(List.of(), matching(dir, "worker-\\d+-\\d+\\.yaml"), "no worker spec copy");

    // 4. An unchanged rerun replaces the result set in place and keeps a user's notes.
    Path notes = root.resolve("published/notes.md");
    Files.writeString(notes, "seed 2 of adam is odd");
    Object[] again = cli(runArgs(spec, root).toArray(String[]::new));
    String againOut = (String) again[1];
    assertEquals(0, again[0], againOut);
    assertTrue(againOut.contains("12 of 12 runs already complete"), againOut);
    assertFalse(againOut.contains("earlier results moved"), againOut);
    assertTrue(againOut.contains("kept 1 file(s) optbench did not write: " + notes), againOut);
    assertEquals("seed 2 of adam is odd", Files.readString(notes));
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

  /** A CSV row's cells by the header's column names, as written (empty cells as ""). */
  private static Map<String, String> cells(String header, String row) {
    var parser = new com.univocity.parsers.csv.CsvParser(
        new com.univocity.parsers.csv.CsvParserSettings());
    String[] names = parser.parseLine(header);
    String[] values = parser.parseLine(row);
    Map<String, String> cells = new LinkedHashMap<>();
    for (int c = 0; c < names.length; c++) {
      cells.put(names[c], values[c] == null ? "" : values[c]);
    }
    return cells;
  }
}
