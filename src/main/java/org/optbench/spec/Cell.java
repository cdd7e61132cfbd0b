package org.optbench.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One training run of a grid: a workload, an optimizer, a clipping method, a schedule, a seed and
 * an engine, each fully resolved.
 *
 * @param workload the problem (model + dataset + batch size ...)
 * @param optimizer the optimizer and its hyperparameters
 * @param clip the gradient-clipping method ({@code none} when off)
 * @param schedule the learning-rate schedule ({@code constant} when none is given)
 * @param seed the run's seed; {@link #seeds()} derives the initialisation, batch-order and
 *     sampling seeds from it
 * @param dataSeed which draw of a synthetic dataset the run trains on
 * @param engine where the optimizer step runs ({@code djl} or {@code native})
 * @param steps training steps
 * @param evalEvery evaluate on the held-out split every this many steps
 * @param trial the run's place in a tuning protocol ({@link Trial#NONE} for a grid cell)
 * @param recordEvery keep every this many steps' rows in the step table (1: every step); see
 *     {@link #recordsStep}
 */
public record Cell(
    Component workload,
    Component optimizer,
    Component clip,
    Component schedule,
    long seed,
    DataSeed dataSeed,
    String engine,
    int steps,
    int evalEvery,
    Trial trial,
    int recordEvery) {

  /** A grid cell (no tuning) that records every step. */
  public Cell(Component workload, Component optimizer, Component clip, Component schedule,
      long seed, DataSeed dataSeed, String engine, int steps, int evalEvery) {
    this(workload, optimizer, clip, schedule, seed, dataSeed, engine, steps, evalEvery, Trial.NONE);
  }

  /** A cell that records every step. */
  public Cell(Component workload, Component optimizer, Component clip, Component schedule,
      long seed, DataSeed dataSeed, String engine, int steps, int evalEvery, Trial trial) {
    this(workload, optimizer, clip, schedule, seed, dataSeed, engine, steps, evalEvery, trial, 1);
  }

  /** This cell rerun as {@code trial} on {@code seed} (a study's selected setting). */
  public Cell rerun(long seed, Trial trial) {
    return new Cell(workload, optimizer, clip, schedule, seed, dataSeed, engine, steps, evalEvery,
        trial, recordEvery);
  }

  /** This cell keeping every {@code every}-th step's row. */
  public Cell recordingEvery(int every) {
    return new Cell(workload, optimizer, clip, schedule, seed, dataSeed, engine, steps, evalEvery,
        trial, every);
  }

  /**
   * Whether step {@code step} of a run that trained {@code stepsDone} steps keeps its row: every
   * {@link #recordEvery}-th step, the first, every evaluated step (time to target and the
   * held-out curves read them) and the last, which holds the final values. The run's summary is
   * computed from all steps before any are dropped.
   */
  public boolean recordsStep(int step, int stepsDone, boolean evaluated) {
    return recordEvery <= 1 || step % recordEvery == 0 || step == 1 || evaluated
        || step == stepsDone;
  }

  /**
   * The canonical text of everything that determines this run's numbers. Two cells with equal
   * identity produce the same results on the same code and engine versions.
   */
  public String identity() {
    return String.join(
        "|",
        "workload=" + workload.name() + "{" + workload.config() + "}",
        "optimizer=" + optimizer.name() + "{" + optimizer.config() + "}",
        "clip=" + clip.name() + "{" + clip.config() + "}",
        "schedule=" + schedule.name() + "{" + schedule.config() + "}",
        "seed=" + seed,
        "data_seed=" + dataSeed.text(),
        "engine=" + engine,
        "steps=" + steps,
        "eval_every=" + evalEvery)
        // Absent at 1 (every step), so that runs stored before the setting existed keep their ids.
        + (recordEvery > 1 ? "|record_every=" + recordEvery : "")
        + trial.identity();
  }

  /** The seeds this run draws its data, initial weights, batch order and samples from. */
  public RunSeeds seeds() {
    return RunSeeds.of(seed, dataSeed);
  }

  /** A stable 12-hex-digit id derived from {@link #identity()}. */
  public String runId() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(identity().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  /**
   * The label shared by all seeds of this cell, used to group runs in tables and charts, e.g.
   * {@code mlp(hidden=[64]) · adam(lr=0.01) · global_norm(max_norm=1.0) · djl}.
   */
  public String label() {
    StringBuilder label = new StringBuilder();
    label.append(workload.label()).append(" · ").append(optimizer.label());
    label.append(" · ").append(clip.label());
    if (!schedule.name().equals("constant")) {
      label.append(" · ").append(schedule.label());
    }
    label.append(" · ").append(engine);
    if (trial.role() == Trial.Role.TRIAL) {
      // Trials stay apart from each other and from the reruns of the selected setting.
      label.append(" · trial ").append(trial.index()).append(" of study ").append(trial.study());
    }
    return label.toString();
  }
}
