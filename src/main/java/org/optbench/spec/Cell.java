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
    Trial trial) {

  /** A grid cell (no tuning). */
  public Cell(Component workload, Component optimizer, Component clip, Component schedule,
      long seed, DataSeed dataSeed, String engine, int steps, int evalEvery) {
    this(workload, optimizer, clip, schedule, seed, dataSeed, engine, steps, evalEvery, Trial.NONE);
  }

  /** This cell rerun as {@code trial} on {@code seed} (a study's selected setting). */
  public Cell rerun(long seed, Trial trial) {
    return new Cell(workload, optimizer, clip, schedule, seed, dataSeed, engine, steps, evalEvery,
        trial);
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
        "eval_every=" + evalEvery) + trial.identity();
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
