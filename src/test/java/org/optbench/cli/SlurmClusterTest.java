package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.io.ResultSet;
import org.optbench.spec.SpecParser;

/**
 * {@code optbench slurm} on a real Slurm cluster of this machine (scripts/slurm-local.sh; skipped
 * when there is none): an array of two shards whose task 0 gets USR1 from Slurm, as
 * {@code --signal=B:USR1} delivers it before the time limit, once it has completed a run but not
 * all of them; the task requeues itself, Slurm starts it again, it reuses the completed runs, and
 * the merge job then publishes every run of the grid once. Tagged slow (about 30 s on a quiet
 * machine): the integration profile runs it.
 */
@Tag("slow")
class SlurmClusterTest {

  /** Six runs of about a second each on a quiet machine (an MLP 128-128 for 1000 steps), three per shard. */
  private static final String SPEC = """
      name: slurmtest
      description: six short MLP runs for the Slurm requeue test
      workloads:
        - {model: mlp, hidden: [128, 128], dataset: synthetic_blobs, classes: 3, batch_size: 64}
      steps: 1000
      eval_every: 500
      seeds: [0, 1, 2]
      grid:
        optimizer:
          - {name: sgd, lr: 0.1}
          - {name: adam, lr: 0.01}
      """;

  private static final Pattern REUSED =
      Pattern.compile("slurmtest: (\\d+) of 3 runs already complete with the same content key");

  @TempDir Path dir;

  @Test
  void aTaskSignalledMidGridIsRequeuedAndResumesThenTheMergeHasEveryRunOnce() throws Exception {
    Optional<String> unavailable = SlurmTools.unavailable();
    Assumptions.assumeTrue(unavailable.isEmpty(), () -> "no Slurm cluster: " + unavailable.get());
    long started = System.nanoTime();
    Path spec = Files.writeString(dir.resolve("slurmtest.yaml"), SPEC);
    Path out = dir.resolve("out");
    Cli.Result submitted = Cli.execute("slurm", spec.toString(), "--shards", "2", "--throttle",
        "2", "--out", out.toString(), "--time", "5:00", "--signal-before", "60");
    assertEquals(0, submitted.exit(), submitted.all());
    String array = jobId(submitted, "array");
    String merge = jobId(submitted, "merge");
    Path logs = out.resolve("slurm/slurmtest/logs");
    List<String> jobs = List.of(array, merge);
    try {
      // Task 0 once one of its four runs is complete, while it trains the others.
      Path runs = out.resolve("shard-0/.slurmtest.cells/runs");
      await(60, 50, () -> keys(runs).size() >= 1, "a completed run of task 0", logs);
      Map<Path, FileTime> before = keys(runs);
      assertEquals(Optional.of("RUNNING"), SlurmTools.jobField(array + "_0", "JobState"));
      assertTrue(before.size() < 3, "task 0 completed all its runs before the test could"
          + " signal it; give the spec more steps");
      SlurmTools.Output signal = SlurmTools.run("scancel", "--batch", "--signal=USR1",
          array + "_0");
      assertEquals(0, signal.exit(), signal.text());
      double signalled = seconds(started);

      await(90, 1000, () -> finished(merge), "the merge job " + merge + " to finish", logs);
      assertEquals(Optional.of("COMPLETED"), SlurmTools.jobField(merge, "JobState"),
          logs(logs));

      // The merged result set: every run of the grid once, in grid order.
      List<String> grid = SpecParser.parse(spec).cells().stream().map(c -> c.runId()).toList();
      ResultSet merged = ResultSet.read(out.resolve("slurmtest"));
      assertEquals(grid, merged.runs().stringColumn("run_id").asList(), logs(logs));
      assertEquals("complete", merged.manifest().status());

      // Task 0 was requeued once and started twice; task 1 ran once.
      assertEquals(Optional.of("1"), SlurmTools.jobField(array + "_0", "Restarts"), logs(logs));
      assertEquals(Optional.of("0"), SlurmTools.jobField(array + "_1", "Restarts"), logs(logs));
      String task0 = Files.readString(logs.resolve("shard-0.log"));
      assertEquals(List.of("restart 0", "restart 1"), starts(task0), task0);
      assertEquals(List.of("restart 0"), starts(Files.readString(logs.resolve("shard-1.log"))));
      assertTrue(task0.contains("requeueing " + array + "_0"), task0);

      // Its second start reused the runs complete before the signal, files untouched.
      Matcher reused = REUSED.matcher(task0);
      assertTrue(reused.find(), "the second start reports reused runs:\n" + task0);
      assertTrue(Integer.parseInt(reused.group(1)) >= before.size(), reused.group());
      for (var key : before.entrySet()) {
        assertEquals(key.getValue(), Files.getLastModifiedTime(key.getKey()),
            key.getKey() + " was written again: the run was retrained");
      }
      // Where the time went, from the jobs' own log lines.
      System.out.printf("SlurmClusterTest: task 0 signalled after %.1f s, merge checked after"
          + " %.1f s%n%s", signalled, seconds(started), logs(logs).lines()
              .filter(l -> l.startsWith("==") || l.startsWith("optbench:"))
              .reduce("", (a, b) -> a + b + "\n"));
    } finally {
      SlurmTools.cancel(jobs);
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** The job id that {@code slurm} printed for the {@code kind} job. */
  private static String jobId(Cli.Result submitted, String kind) {
    Matcher m = Pattern.compile("submitted " + kind + " job (\\d+)").matcher(submitted.out());
    assertTrue(m.find(), "no " + kind + " job id in\n" + submitted.all());
    return m.group(1);
  }

  /** The {@code .key} files of completed runs with their modification times. */
  private static Map<Path, FileTime> keys(Path runs) throws IOException {
    Map<Path, FileTime> keys = new TreeMap<>();
    if (Files.isDirectory(runs)) {
      try (Stream<Path> files = Files.list(runs)) {
        for (Path key : files.filter(f -> f.toString().endsWith(".key")).toList()) {
          keys.put(key, Files.getLastModifiedTime(key));
        }
      }
    }
    return keys;
  }

  /** Whether a job has ended, in any state. */
  private static boolean finished(String jobId) throws Exception {
    Optional<String> state = SlurmTools.jobField(jobId, "JobState");
    return state.isPresent() && !List.of("PENDING", "RUNNING", "REQUEUED", "CONFIGURING",
        "COMPLETING", "SUSPENDED").contains(state.get());
  }

  /** The restart count of each start a task's log shows, in order. */
  private static List<String> starts(String log) {
    List<String> starts = new ArrayList<>();
    Matcher m = Pattern.compile("starts as job \\S+ on \\S+, (restart \\d+)").matcher(log);
    while (m.find()) {
      starts.add(m.group(1));
    }
    return starts;
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  /** Checks {@code condition} every {@code pollMillis} until it holds, failing after {@code seconds}. */
  private static void await(int seconds, int pollMillis, Condition condition, String what,
      Path logs) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        fail("waited " + seconds + " s in vain for " + what + "; squeue: "
            + SlurmTools.run("squeue", "-h").text() + "\n" + logs(logs));
      }
      Thread.sleep(pollMillis);
    }
  }

  /** Every job log, for failure messages. */
  private static String logs(Path logs) throws IOException {
    StringBuilder text = new StringBuilder();
    if (Files.isDirectory(logs)) {
      try (Stream<Path> files = Files.list(logs).sorted()) {
        for (Path log : files.toList()) {
          text.append("== ").append(log.getFileName()).append('\n')
              .append(Files.readString(log).lines().filter(l -> !l.startsWith("["))
                  .reduce("", (a, b) -> a + b + "\n"));
        }
      }
    }
    return text.toString();
  }
}
