package org.optbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.optbench.io.AtomicFiles;
import org.optbench.io.IoConsumer;
import org.optbench.io.OutputLocations;
import org.optbench.io.ResultFiles;
import org.optbench.runner.TunedGrid;
import org.optbench.slurm.ArrayJob;
import org.optbench.slurm.JobResources;
import org.optbench.slurm.Launcher;
import org.optbench.slurm.Sbatch;
import org.optbench.slurm.SbatchScripts;
import org.optbench.slurm.TimeLimit;
import org.optbench.spec.ExperimentSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slurm SPEC --shards N --out DIR}: the grid as a Slurm job array, then a merge job. */
@Command(
    name = "slurm",
    mixinStandardHelpOptions = true,
    description =
        "Submit a spec's grid to Slurm as a job array, one task per shard (`run --shard i/N` into "
        + "DIR/shard-i), requeued before its time limit and on preemption and resumed from its "
        + "cell store, and a job that runs when every task has succeeded: merge into "
        + "DIR/<experiment>, report into DIR/reports/<experiment> and, with --baseline, compare. "
        + "Scripts and logs go to DIR/slurm/<experiment>/. See docs/slurm.md.")
final class SlurmCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SPEC", description = "experiment YAML file")
  Path spec;

  @Option(names = "--shards", required = true, paramLabel = "N",
      description = "array tasks, one shard of the grid each (1 to the grid's cell count)")
  int shards;

  @Option(names = "--throttle", paramLabel = "K",
      description = "at most K tasks run at once (--array=0-(N-1)%%K; default: N)")
  Integer throttle;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "folder on a file system every node shares; receives everything")
  Path out;

  @Option(names = "--time", paramLabel = "LIMIT",
      description = "time limit of each task and of the merge job, as sbatch --time takes it"
          + " (e.g. 2:00:00; default: the partition's)")
  String time;

  @Option(names = "--signal-before", paramLabel = "SECONDS", defaultValue = "120",
      description = "seconds before the time limit at which a task requeues itself"
          + " (sbatch --signal=B:USR1@SECONDS; Slurm may signal up to 60 s earlier;"
          + " default: ${DEFAULT-VALUE})")
  int signalBefore;

  @Option(names = "--partition", paramLabel = "NAME", description = "sbatch --partition")
  String partition;

  @Option(names = "--account", paramLabel = "NAME", description = "sbatch --account")
  String account;

  @Option(names = "--cpus-per-task", paramLabel = "N",
      description = "sbatch --cpus-per-task (default: --threads)")
  Integer cpusPerTask;

  @Option(names = "--mem", paramLabel = "SIZE",
      description = "sbatch --mem, memory per node, e.g. 4G (default: the partition's)")
  String memory;

  @Option(names = "--sbatch-option", paramLabel = "OPTION",
      description = "a further sbatch option for both jobs, one #SBATCH line each, e.g."
          + " --sbatch-option=--qos=long (repeatable)")
  List<String> sbatchOptions = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "run --threads of each task (default: ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--baseline", paramLabel = "DIR",
      description = "result set or baseline the merged result set is compared with")
  Path baseline;

  @Option(names = "--launcher", paramLabel = "COMMAND",
      description = "bash text that starts optbench in a job, arguments following (default:"
          + " this JVM's java and class path with DJL offline, i.e. java -Dai.djl.offline=true"
          + " -DOPT_OUT_TRACKING=true -cp CLASSPATH " + Launcher.MAIN_CLASS + ")")
  String launcher;

  @Option(names = "--sbatch", paramLabel = "PROGRAM", defaultValue = "sbatch",
      description = "the sbatch program (default: ${DEFAULT-VALUE}, from PATH)")
  String sbatch;

  @Option(names = "--dry-run",
      description = "write the scripts and print the sbatch commands, submit nothing")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    ArrayJob job = checkedJob();
    String program = dryRun ? sbatch : checkedSbatch(job);
    writeScripts(job);
    System.out.printf("wrote %s (array tasks 0-%d, at most %d at once) and %s%n",
        job.scriptsDir().resolve(ArrayJob.SHARDS_SCRIPT), job.shards() - 1, job.throttle(),
        ArrayJob.MERGE_SCRIPT);
    if (dryRun) {
      System.out.println("dry run, nothing submitted; to submit:");
      System.out.println("  " + String.join(" ", job.submitShards(program)));
      System.out.println("  " + String.join(" ", job.submitMerge(program, "<array job id>")));
      return ExitCodes.OK;
    }
    String arrayId;
    try {
      arrayId = Sbatch.submit(job.submitShards(program));
    } catch (Sbatch.SubmitException e) {
      System.err.println("error: nothing submitted: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
    System.out.println("submitted array job " + arrayId + " (tasks 0-" + (job.shards() - 1)
        + ")");
    String mergeId;
    try {
      mergeId = Sbatch.submit(job.submitMerge(program, arrayId));
    } catch (Sbatch.SubmitException e) {
      System.err.println("the array job " + arrayId + " runs, but its merge job was not submitted: "
          + e.getMessage() + "\nsubmit it with: "
          + String.join(" ", job.submitMerge(program, arrayId)));
      return ExitCodes.FAILURE;
    }
    System.out.println("submitted merge job " + mergeId + " (runs after every task of "
        + arrayId + " has succeeded)");
    System.out.println("logs: " + job.logsDir() + "; watch: squeue -j " + arrayId + "," + mergeId);
    System.out.println("merged results: " + job.mergedResults() + "; report: " + job.reportDir());
    return ExitCodes.OK;
  }

  /** Everything checked before anything is written: the spec, every option, every location. */
  private ArrayJob checkedJob() throws Exception {
    ExperimentSpec parsed = SpecFiles.parseAll(List.of(spec)).get(0);
    int units = (int) parsed.cells().stream().map(TunedGrid::unit).distinct().count();
    if (shards < 1 || shards > units) {
      throw new UserInputException("--shards " + shards + ": " + spec + " has " + units
          + " cells to deal out" + (units != parsed.cells().size() ? " (a tuning study counts"
          + " as one)" : "") + ", so give --shards 1 to " + units + " (each task needs a cell)");
    }
    int maxAtOnce = throttle == null ? shards : throttle;
    if (maxAtOnce < 1) {
      throw new UserInputException("--throttle " + maxAtOnce + ": at least 1 task must run at"
          + " once; give --throttle 1 to " + shards + ", or leave it out to run all at once");
    }
    if (threads < 1) {
      throw new UserInputException("--threads must be at least 1, got " + threads);
    }
    int cpus = cpusPerTask == null ? threads : cpusPerTask;
    if (cpus < 1) {
      throw new UserInputException("--cpus-per-task must be at least 1, got " + cpus);
    }
    checkTime();
    if (memory != null && !memory.matches("\\d+[KMGTkmgt]?")) {
      throw new UserInputException("--mem '" + memory + "': give a size as sbatch --mem takes"
          + " it, a number with an optional unit K, M, G or T, e.g. 4G");
    }
    for (String option : sbatchOptions) {
      if (!option.startsWith("-") || option.contains("\n") || option.contains("\r")) {
        throw new UserInputException("--sbatch-option '" + option + "': give one sbatch option"
            + " per --sbatch-option, starting with -, e.g. --sbatch-option=--qos=long");
      }
    }
    checkText("--partition", partition);
    checkText("--account", account);
    checkText("--launcher", launcher);
    if (baseline != null) {
      if (!Files.isRegularFile(baseline.resolve(ResultFiles.MANIFEST))) {
        throw new UserInputException("--baseline " + baseline + ": not a result set (no "
            + ResultFiles.MANIFEST + "); give a folder written by run, merge or baseline");
      }
      String experiment = ResultFiles.experimentOf(baseline);
      if (!experiment.equals(parsed.name())) {
        throw new UserInputException("--baseline " + baseline + " is experiment '" + experiment
            + "' but " + spec + " is '" + parsed.name() + "'; give a baseline of the same"
            + " experiment");
      }
    }
    OutputChecks.folder("--out", out);
    JobResources resources = new JobResources(Optional.ofNullable(time),
        Optional.ofNullable(partition), Optional.ofNullable(account), cpus,
        Optional.ofNullable(memory), sbatchOptions);
    ArrayJob job = new ArrayJob(parsed.name(), spec, shards, maxAtOnce, out, Path.of(""),
        launcher != null ? launcher.strip() : Launcher.currentJvm(), threads,
        Optional.ofNullable(baseline), resources, signalBefore);
    OutputChecks.none(OutputLocations.folderProblem(job.scriptsDir()));
    OutputChecks.none(OutputLocations.folderProblem(job.logsDir()));
    return job;
  }

  /** The time limit must be one of sbatch's forms, and longer than the warning before it. */
  private void checkTime() {
    // 65535 s is the largest delay sbatch --signal accepts (a 16-bit field, sbatch(1)).
    if (signalBefore < 1 || signalBefore > 65_535) {
      throw new UserInputException("--signal-before " + signalBefore + ": give 1 to 65535"
          + " seconds");
    }
    if (time == null) {
      return;
    }
    OptionalLong seconds;
    try {
      seconds = TimeLimit.seconds(time);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--time " + e.getMessage());
    }
    if (seconds.isPresent() && seconds.getAsLong() <= signalBefore) {
      throw new UserInputException("--time " + time + " (" + seconds.getAsLong() + " s, Slurm's"
          + " whole minutes) leaves"
          + " no time before the requeue signal at --signal-before " + signalBefore
          + " s; give a longer --time or a smaller --signal-before");
    }
  }

  private static void checkText(String option, String value) {
    if (value != null && (value.isBlank() || value.contains("\n") || value.contains("\r"))) {
      throw new UserInputException(option + " must be one non-empty line");
    }
  }

  /** The sbatch that will submit, having checked that it takes the array script. */
  private String checkedSbatch(ArrayJob job) throws Exception {
    String program = Sbatch.locate(sbatch, System.getenv("PATH")).map(Path::toString).orElseThrow(
        () -> new UserInputException("--sbatch " + sbatch + ": not found" + (sbatch.contains("/")
            ? "" : " on PATH") + "; run this on a Slurm login node, give --sbatch"
            + " /path/to/sbatch, or pass --dry-run to write the scripts without submitting"));
    Optional<String> refused = Sbatch.refusal(program, SbatchScripts.shards(job));
    if (refused.isPresent()) {
      throw new UserInputException("sbatch --test-only refuses the array job: " + refused.get()
          + "; check --partition, --account, --time, --mem, --cpus-per-task and --sbatch-option"
          + " (sinfo lists partitions and their limits)");
    }
    return program;
  }

  /** Both scripts, each atomically, and the logs folder, which Slurm does not create. */
  private static void writeScripts(ArrayJob job) throws java.io.IOException {
    Map<Path, IoConsumer<Path>> writers = new LinkedHashMap<>();
    writers.put(job.scriptsDir().resolve(ArrayJob.SHARDS_SCRIPT),
        temp -> Files.writeString(temp, SbatchScripts.shards(job)));
    writers.put(job.scriptsDir().resolve(ArrayJob.MERGE_SCRIPT),
        temp -> Files.writeString(temp, SbatchScripts.merge(job)));
    AtomicFiles.writeAll(writers);
    Files.createDirectories(job.logsDir());
  }
}
