package org.optbench.slurm;

import java.util.ArrayList;
import java.util.List;

/**
 * The two batch scripts of an {@link ArrayJob}, as bash text. Each {@code #SBATCH} line carries a
 * comment saying what it is for; docs/slurm.md explains the whole.
 */
public final class SbatchScripts {

  private SbatchScripts() {}

  /**
   * The array: task {@code i} runs {@code run --shard i/N} into {@code out/shard-i}. On USR1 (sent
   * {@code signalBeforeSeconds} before the time limit, or by a preemption set-up) the task requeues
   * itself, so that the next start resumes from the cell store instead of ending as TIMEOUT,
   * which Slurm never requeues. It does so only when a run completed since it started: a task that
   * cannot finish one run within the limit would otherwise start over forever.
   */
  public static String shards(ArrayJob job) {
    String task = ShellWords.TASK_ID;
    List<String> lines = new ArrayList<>();
    lines.add("#!/bin/bash");
    lines.add("# Written by `optbench slurm`: the shards of experiment " + job.experiment()
        + ", one array task each. Submit: sbatch --parsable " + job.scriptsDir()
        .resolve(ArrayJob.SHARDS_SCRIPT));
    lines.add("#SBATCH --job-name=optbench-" + job.experiment());
    lines.add("# task i trains shard i/" + job.shards() + "; at most " + job.throttle()
        + " run at once");
    lines.add("#SBATCH --array=0-" + (job.shards() - 1) + "%" + job.throttle());
    lines.add("# one log per task; a requeued task appends to it, so every start stays readable");
    lines.add("#SBATCH --output=" + job.logsDir().resolve("shard-%a.log"));
    lines.add("#SBATCH --open-mode=append");
    lines.add("# preemption or a node failure puts the task back in the queue");
    lines.add("#SBATCH --requeue");
    lines.add("# USR1 to this shell (B:) " + job.signalBeforeSeconds()
        + " s before the time limit: the trap below requeues the task");
    lines.add("#SBATCH --signal=B:USR1@" + job.signalBeforeSeconds());
    lines.add("#SBATCH --chdir=" + job.workDir());
    for (String option : job.resources().options()) {
      lines.add("#SBATCH " + option);
    }
    lines.add("set -u");
    lines.add("export OPT_OUT_TRACKING=true");
    lines.add("task=\"${SLURM_ARRAY_JOB_ID}_" + task + "\"");
    lines.add("runs_dir=" + ShellWords.quote(job.shardRunsDir(task).toString()));
    lines.add("complete_runs() { find \"$runs_dir\" -maxdepth 1 -name '*.key' 2>/dev/null"
        + " | wc -l; }");
    lines.add("at_start=$(complete_runs)");
    lines.add("echo \"optbench: shard " + task + "/" + job.shards() + " of " + job.experiment()
        + " starts as job ${task} on $(hostname), restart ${SLURM_RESTART_COUNT:-0},"
        + " ${at_start} runs complete, $(date -u +%Y-%m-%dT%H:%M:%SZ)\"");
    lines.add("requeue_to_resume() {");
    lines.add("  local now");
    lines.add("  now=$(complete_runs)");
    lines.add("  if [ \"$now\" -gt \"$at_start\" ]; then");
    lines.add("    echo \"optbench: USR1 (time limit near, or preemption): requeueing ${task};"
        + " ${now} runs complete, its next start resumes from them\"");
    lines.add("    scontrol requeue \"$task\"");
    lines.add("  else");
    lines.add("    echo \"optbench: USR1 but no run completed since this start (${now} complete):"
        + " not requeueing, a rerun would get no further; raise --time above the longest run\" >&2");
    lines.add("  fi");
    lines.add("}");
    lines.add("trap requeue_to_resume USR1");
    lines.add("# in the background, so that bash runs the trap while java trains");
    lines.add(job.launcher() + " " + ShellWords.join(job.runArgs(task)) + " &");
    lines.add("child=$!");
    lines.add("wait \"$child\"");
    lines.add("status=$?");
    lines.add("# a trapped signal ends wait early (status > 128); wait on for java itself");
    lines.add("while [ \"$status\" -gt 128 ] && kill -0 \"$child\" 2>/dev/null; do");
    lines.add("  wait \"$child\"");
    lines.add("  status=$?");
    lines.add("done");
    lines.add("echo \"optbench: shard " + task + "/" + job.shards() + " exits with ${status},"
        + " $(date -u +%Y-%m-%dT%H:%M:%SZ)\"");
    lines.add("exit \"$status\"");
    return String.join("\n", lines) + "\n";
  }

  /**
   * The merge job: merges the shards' result sets, reports the merged one and, with a baseline,
   * compares; any failing step fails the job (compare exits 1 on a regression).
   */
  public static String merge(ArrayJob job) {
    List<String> lines = new ArrayList<>();
    lines.add("#!/bin/bash");
    lines.add("# Written by `optbench slurm`: merges" + (job.baseline().isPresent()
        ? ", reports and compares" : " and reports") + " the shards of experiment " + job.experiment()
        + ". Submitted with --dependency=afterok:<array job id> --kill-on-invalid-dep=yes.");
    lines.add("#SBATCH --job-name=optbench-" + job.experiment() + "-merge");
    lines.add("#SBATCH --output=" + job.logsDir().resolve("merge.log"));
    lines.add("#SBATCH --open-mode=append");
    lines.add("#SBATCH --chdir=" + job.workDir());
    for (String option : job.resources().options()) {
      lines.add("#SBATCH " + option);
    }
    lines.add("set -euo pipefail");
    lines.add("export OPT_OUT_TRACKING=true");
    lines.add("echo \"optbench: merging " + job.shards() + " shards of " + job.experiment()
        + " as job ${SLURM_JOB_ID}, $(date -u +%Y-%m-%dT%H:%M:%SZ)\"");
    lines.add(job.launcher() + " " + ShellWords.join(job.mergeArgs()));
    lines.add(job.launcher() + " " + ShellWords.join(job.reportArgs()));
    job.compareArgs().ifPresent(
        args -> lines.add(job.launcher() + " " + ShellWords.join(args)));
    lines.add("echo \"optbench: merge job done, $(date -u +%Y-%m-%dT%H:%M:%SZ)\"");
    return String.join("\n", lines) + "\n";
  }
}
