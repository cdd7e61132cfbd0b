package org.optbench.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One experiment spread over a Slurm job array, and where everything goes under {@code out}:
 *
 * <pre>
 * out/shard-&lt;i&gt;/&lt;experiment&gt;/           shard i's result set (status partial)
 * out/shard-&lt;i&gt;/.&lt;experiment&gt;.cells/     its cell store, from which a requeued task resumes
 * out/&lt;experiment&gt;/                     the merged result set
 * out/reports/&lt;experiment&gt;/             its report (and compare/ against a baseline)
 * out/slurm/&lt;experiment&gt;/               the two batch scripts and logs/
 * </pre>
 *
 * <p>Every path is absolute: a job may start on another node, in another folder.
 *
 * @param experiment the spec's experiment name
 * @param spec the spec file
 * @param shards array tasks, one per shard
 * @param throttle most tasks running at once ({@code --array=...%throttle})
 * @param out the folder that receives everything
 * @param workDir the folder jobs start in
 * @param launcher bash text that starts optbench; its arguments follow
 * @param threads {@code run --threads}
 * @param baseline result set the merged one is compared with, if any
 * @param resources what each job asks of the cluster
 * @param signalBeforeSeconds how long before the time limit the batch shell gets USR1
 */
public record ArrayJob(String experiment, Path spec, int shards, int throttle, Path out,
    Path workDir, String launcher, int threads, Optional<Path> baseline, JobResources resources,
    int signalBeforeSeconds) {

  /** Name of the array's batch script in {@link #scriptsDir()}. */
  public static final String SHARDS_SCRIPT = "shards.sbatch";
  /** Name of the merge job's batch script in {@link #scriptsDir()}. */
  public static final String MERGE_SCRIPT = "merge.sbatch";

  public ArrayJob {
    Objects.requireNonNull(experiment);
    spec = spec.toAbsolutePath().normalize();
    out = out.toAbsolutePath().normalize();
    workDir = workDir.toAbsolutePath().normalize();
    baseline = baseline.map(b -> b.toAbsolutePath().normalize());
    if (shards < 1 || throttle < 1 || threads < 1) {
      throw new IllegalArgumentException("shards, throttle and threads must be at least 1");
    }
  }

  /** Where the scripts and logs go. */
  public Path scriptsDir() {
    return out.resolve("slurm").resolve(experiment);
  }

  /** Where each task's log goes: one file per task, appended to by every start of it. */
  public Path logsDir() {
    return scriptsDir().resolve("logs");
  }

  /** Results root of shard {@code index} (a number, or {@link ShellWords#TASK_ID}). */
  public Path shardRoot(String index) {
    return out.resolve("shard-" + index);
  }

  /** Completed runs of shard {@code index}: one {@code <run_id>.key} each, written last. */
  public Path shardRunsDir(String index) {
    return shardRoot(index).resolve("." + experiment + ".cells").resolve("runs");
  }

  /** The merged result set. */
  public Path mergedResults() {
    return out.resolve(experiment);
  }

  /** The merged result set's report folder. */
  public Path reportDir() {
    return out.resolve("reports").resolve(experiment);
  }

  /** {@code run} for array task {@code index}: its shard of the grid, into its own folder. */
  public List<String> runArgs(String index) {
    return List.of("run", spec.toString(), "--shard", index + "/" + shards,
        "--out", shardRoot(index).toString(), "--threads", Integer.toString(threads),
        "--progress", "lines");
  }

  /** {@code merge} of every shard's result set into {@link #mergedResults()}. */
  public List<String> mergeArgs() {
    List<String> args = new ArrayList<>(List.of("merge"));
    for (int i = 0; i < shards; i++) {
      args.add(shardRoot(Integer.toString(i)).resolve(experiment).toString());
    }
    args.addAll(List.of("--out", out.toString()));
    return args;
  }

  /** {@code report} of the merged result set. */
  public List<String> reportArgs() {
    return List.of("report", mergedResults().toString(), "--out", reportDir().toString());
  }

  /** {@code compare} of the merged result set with the baseline, if one was given. */
  public Optional<List<String>> compareArgs() {
    return baseline.map(b -> List.of("compare", "--baseline", b.toString(),
        "--current", mergedResults().toString(),
        "--report", reportDir().resolve("compare").toString()));
  }

  /** The sbatch command line that submits the array ({@code --parsable}: the job id alone). */
  public List<String> submitShards(String sbatch) {
    return List.of(sbatch, "--parsable", scriptsDir().resolve(SHARDS_SCRIPT).toString());
  }

  /**
   * The sbatch command line that submits the merge job once every task of array {@code arrayJobId}
   * has completed with exit 0 ({@code afterok}): a shard that failed leaves no (or an earlier)
   * result set, which merge must not take, so the merge job is then cancelled
   * ({@code --kill-on-invalid-dep=yes}) rather than left pending forever. A requeued task is
   * pending again, not finished, so the merge job waits for its rerun.
   */
  public List<String> submitMerge(String sbatch, String arrayJobId) {
    return List.of(sbatch, "--parsable", "--dependency=afterok:" + arrayJobId,
        "--kill-on-invalid-dep=yes", scriptsDir().resolve(MERGE_SCRIPT).toString());
  }
}
