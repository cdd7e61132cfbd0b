package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code optbench slurm}: the two batch scripts it writes (sbatch(1) directives, the requeue trap,
 * the commands they run, each parsed by optbench's own command tree), how it submits them, and
 * the input it refuses before writing anything. Needs bash, not Slurm: sbatch, scontrol and the
 * launcher are stand-ins that record how they were called.
 */
class SlurmCommandTest {

  private static final String SPEC = "experiments/quickstart.yaml";

  @TempDir Path dir;

  @Test
  void dryRunWritesBothScriptsWithEveryDirectiveAndSubmitsNothing() throws Exception {
    Path baseline = Cli.resultSet(dir.resolve("base"), "quickstart");
    Path out = dir.resolve("out");
    Cli.Result result = Cli.execute("slurm", SPEC, "--shards", "4", "--throttle", "2", "--out",
        out.toString(), "--time", "1:00:00", "--partition", "gpu", "--account", "proj", "--mem",
        "4G", "--sbatch-option=--qos=long", "--baseline", baseline.toString(), "--dry-run",
        "--sbatch", dir.resolve("no-sbatch-here").toString());
    assertEquals(0, result.exit(), result.all());
    Path scripts = out.resolve("slurm/quickstart");
    assertTrue(result.out().contains("no-sbatch-here --parsable --dependency=afterok:<array job id>"
        + " --kill-on-invalid-dep=yes " + scripts.resolve("merge.sbatch")), result.all());
    assertTrue(Files.isDirectory(scripts.resolve("logs")), "Slurm does not create --output folders");

    List<String> shards = Files.readAllLines(scripts.resolve("shards.sbatch"));
    for (String line : List.of("#SBATCH --array=0-3%2", "#SBATCH --requeue",
        "#SBATCH --open-mode=append", "#SBATCH --signal=B:USR1@120",
        "#SBATCH --output=" + scripts.resolve("logs/shard-%a.log"), "#SBATCH --time=1:00:00",
        "#SBATCH --partition=gpu", "#SBATCH --account=proj", "#SBATCH --cpus-per-task=1",
        "#SBATCH --mem=4G", "#SBATCH --qos=long", "trap requeue_to_resume USR1",
        "task=\"${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}\"",
        "    scontrol requeue \"$task\"")) {
      assertTrue(shards.contains(line), line + " missing from\n" + String.join("\n", shards));
    }
    assertDirectivesBeforeCommands(shards);

    List<String> merge = Files.readAllLines(scripts.resolve("merge.sbatch"));
    for (String line : List.of("#SBATCH --open-mode=append", "#SBATCH --time=1:00:00",
        "#SBATCH --account=proj", "#SBATCH --output=" + scripts.resolve("logs/merge.log"),
        "set -euo pipefail")) {
      assertTrue(merge.contains(line), line + " missing from\n" + String.join("\n", merge));
    }
    assertFalse(merge.stream().anyMatch(l -> l.startsWith("#SBATCH --array")), "one merge job");
    assertDirectivesBeforeCommands(merge);
  }

  /** sbatch reads #SBATCH lines only up to the first command of the script (sbatch(1)). */
  private static void assertDirectivesBeforeCommands(List<String> script) {
    int firstCommand = 1;
    while (firstCommand < script.size() && script.get(firstCommand).startsWith("#")) {
      firstCommand++;
    }
    for (int i = firstCommand; i < script.size(); i++) {
      assertFalse(script.get(i).startsWith("#SBATCH"), "directive after a command: " + script.get(i));
    }
  }

  @Test
  void everyCommandTheScriptsRunIsAnOptbenchCommandLine() throws Exception {
    Path baseline = Cli.resultSet(dir.resolve("base"), "quickstart");
    Path out = dir.resolve("out with space");
    Path record = dir.resolve("launcher.txt");
    Path launcher = script("launcher", "{ printf '%s\\n' \"$@\"; echo ---; } >> \"$RECORD\"");
    Cli.Result result = Cli.execute("slurm", SPEC, "--shards", "4", "--out", out.toString(),
        "--baseline", baseline.toString(), "--launcher", launcher.toString(), "--dry-run");
    assertEquals(0, result.exit(), result.all());
    Path scripts = out.resolve("slurm/quickstart");
    for (String name : List.of("shards.sbatch", "merge.sbatch")) {
      ProcessBuilder bash = new ProcessBuilder("bash", scripts.resolve(name).toString())
          .redirectErrorStream(true);
      bash.environment().putAll(java.util.Map.of("RECORD", record.toString(),
          "SLURM_ARRAY_JOB_ID", "99", "SLURM_ARRAY_TASK_ID", "2", "SLURM_JOB_ID", "100"));
      Process process = bash.start();
      String log = new String(process.getInputStream().readAllBytes());
      assertEquals(0, process.waitFor(), name + ":\n" + log);
    }
    List<List<String>> commands = commands(record);
    Path spec = Path.of(SPEC).toAbsolutePath();
    Path shard = out.resolve("shard-");
    assertEquals(List.of(
        List.of("run", spec.toString(), "--shard", "2/4", "--out", shard + "2", "--threads", "1",
            "--progress", "lines"),
        List.of("merge", shard + "0/quickstart", shard + "1/quickstart", shard + "2/quickstart",
            shard + "3/quickstart", "--out", out.toString()),
        List.of("report", out.resolve("quickstart").toString(), "--out",
            out.resolve("reports/quickstart").toString()),
        List.of("compare", "--baseline", baseline.toAbsolutePath().toString(), "--current",
            out.resolve("quickstart").toString(), "--report",
            out.resolve("reports/quickstart/compare").toString())), commands);
    for (List<String> args : commands) {
      CommandLine.ParseResult parsed = new CommandLine(new Main()).parseArgs(args.toArray(String[]::new));
      assertEquals(args.get(0), parsed.subcommand().commandSpec().name(), args.toString());
      assertTrue(parsed.subcommand().unmatched().isEmpty(), args.toString());
    }
  }

  @Test
  void submitsTheArrayThenAMergeJobThatWaitsForEveryTaskToSucceed() throws Exception {
    Path record = dir.resolve("sbatch.txt");
    // Checks a script on standard input with --test-only, recording its directives; then prints a
    // job id as `sbatch --parsable` does: "41", then "42;cluster".
    Path sbatch = script("sbatch", "printf '%s\\n' \"$@\" >> " + record
        + "; if [ \"$1\" = --test-only ]; then grep '^#SBATCH --array' >> " + record
        + "; echo --- >> " + record + "; exit 0; fi; echo --- >> " + record
        + "; if [ -f " + dir.resolve("once") + " ]; then echo '42;cluster'; else touch "
        + dir.resolve("once") + "; echo 41; fi");
    Path out = dir.resolve("out");
    Cli.Result result = Cli.execute("slurm", SPEC, "--shards", "3", "--throttle", "1", "--out",
        out.toString(), "--sbatch", sbatch.toString());
    assertEquals(0, result.exit(), result.all());
    Path scripts = out.resolve("slurm/quickstart");
    assertEquals(List.of(List.of("--test-only", "#SBATCH --array=0-2%1"),
        List.of("--parsable", scripts.resolve("shards.sbatch").toString()),
        List.of("--parsable", "--dependency=afterok:41", "--kill-on-invalid-dep=yes",
            scripts.resolve("merge.sbatch").toString())), commands(record));
    assertTrue(result.out().contains("submitted array job 41 (tasks 0-2)"), result.all());
    assertTrue(result.out().contains("submitted merge job 42"), result.all());
    assertTrue(Files.readAllLines(scripts.resolve("shards.sbatch")).contains("#SBATCH --array=0-2%1"));
  }

  @Test
  void theTrapRequeuesTheTaskOnlyWhenARunCompletedSinceItStarted() throws Exception {
    Path out = dir.resolve("out");
    Path record = dir.resolve("calls.txt");
    Path stop = dir.resolve("stop");
    // The launcher trains until told to stop; scontrol records its call and stops it, as a requeue
    // ends the job's processes.
    Path launcher = script("launcher", "echo started >> " + record
        + "; for i in $(seq 100); do [ -f " + stop + " ] && exit 0; sleep 0.1; done; exit 3");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    script("bin/scontrol", "echo \"scontrol $*\" >> " + record + "; touch " + stop);
    assertEquals(0, Cli.execute("slurm", SPEC, "--shards", "4", "--out", out.toString(),
        "--launcher", launcher.toString(), "--dry-run").exit());
    Path runs = Files.createDirectories(out.resolve("shard-2/.quickstart.cells/runs"));
    Files.writeString(runs.resolve("done-before.key"), "k");

    // No run completed since the start: a requeue would get no further, so none.
    TrapRun idle = TrapRun.start(out.resolve("slurm/quickstart/shards.sbatch"), bin, record);
    idle.signalUsr1();
    idle.awaitLog("not requeueing");
    Files.writeString(stop, "");
    assertEquals(0, idle.awaitExit(), idle.log());
    assertFalse(Files.readString(record).contains("scontrol"), Files.readString(record));

    // One more run completed: requeue this very task, 99_2.
    Files.delete(stop);
    Files.delete(record);
    TrapRun busy = TrapRun.start(out.resolve("slurm/quickstart/shards.sbatch"), bin, record);
    Files.writeString(runs.resolve("done-now.key"), "k");
    busy.signalUsr1();
    assertEquals(0, busy.awaitExit(), busy.log());
    assertEquals(List.of("started", "scontrol requeue 99_2"), Files.readAllLines(record));
    assertTrue(busy.log().contains("requeueing 99_2; 2 runs complete"), busy.log());
  }

  @Test
  void badInputIsOneMessageNamingTheOptionAndNothingIsWrittenOrSubmitted() throws Exception {
    Path record = dir.resolve("sbatch.txt");
    Path sbatch = script("sbatch", "echo called >> " + record + "; echo 1");
    Path notResults = Files.createDirectories(dir.resolve("not-results"));
    Path out = dir.resolve("out");
    List<List<String>> cases = List.of(
        List.of("--shards", "0", "--", "--shards 0"),
        List.of("--shards", "49", "--", "--shards 49: " + SPEC + " has 48 cells"),
        List.of("--shards", "2", "--throttle", "0", "--", "--throttle 0"),
        List.of("--shards", "2", "--throttle", "-3", "--", "--throttle -3"),
        List.of("--shards", "2", "--time", "2h", "--", "--time '2h'"),
        List.of("--shards", "2", "--time", "1:00", "--", "--time 1:00 (60 s, Slurm's whole minutes)"),
        List.of("--shards", "2", "--mem", "lots", "--", "--mem 'lots'"),
        List.of("--shards", "2", "--sbatch-option", "qos=long", "--", "--sbatch-option"),
        List.of("--shards", "2", "--baseline", notResults.toString(), "--", "--baseline"),
        List.of("--shards", "2", "--sbatch", dir.resolve("none/sbatch").toString(), "--",
            "--dry-run"),
        List.of("--shards", "2", "--sbatch", "no-such-sbatch-program", "--", "not found on PATH"));
    for (List<String> c : cases) {
      int split = c.indexOf("--");
      List<String> args = new ArrayList<>(List.of("slurm", SPEC, "--out", out.toString()));
      args.addAll(c.subList(0, split));
      if (!args.contains("--sbatch")) {
        args.addAll(List.of("--sbatch", sbatch.toString()));
      }
      assertRefused(args, c.get(split + 1));
    }
    Path refusing = script("refusing-sbatch", "echo 'sbatch: error: invalid partition specified:"
        + " gpu' >> " + record + "; echo 'sbatch: error: invalid partition specified: gpu'; exit 1");
    assertRefused(List.of("slurm", SPEC, "--shards", "2", "--partition", "gpu", "--out",
        out.toString(), "--sbatch", refusing.toString()),
        "sbatch --test-only refuses the array job: sbatch: error: invalid partition specified: gpu;"
            + " check --partition");
    Files.delete(record);
    assertRefused(List.of("slurm", "experiments/no-such.yaml", "--shards", "2", "--out",
        out.toString(), "--sbatch", sbatch.toString()), "experiments/no-such.yaml: no such file");
    assertFalse(Files.exists(out), "nothing written");
    assertFalse(Files.exists(record), "nothing submitted");
  }

  private static void assertRefused(List<String> args, String says) {
    Cli.Result result = Cli.execute(args.toArray(String[]::new));
    assertEquals(2, result.exit(), args + "\n" + result.all());
    assertEquals(1, result.err().lines().count(), result.all());
    assertTrue(result.err().startsWith("error: "), result.all());
    assertTrue(result.err().contains(says), says + " expected in " + result.all());
    assertFalse(result.hasStackTrace(), result.all());
  }

  /** An executable bash script {@code dir/name} with {@code body}. */
  private Path script(String name, String body) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/bash\n" + body + "\n");
    assertTrue(file.toFile().setExecutable(true));
    return file;
  }

  /** The calls recorded by a stand-in: its arguments one per line, each call ending with ---. */
  private static List<List<String>> commands(Path record) throws Exception {
    List<List<String>> calls = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : Files.readAllLines(record)) {
      if (line.equals("---")) {
        calls.add(current);
        current = new ArrayList<>();
      } else {
        current.add(line);
      }
    }
    return calls;
  }
}
