package org.optbench.io;

import static tech.tablesaw.api.ColumnType.DOUBLE;
import static tech.tablesaw.api.ColumnType.STRING;

/**
 * {@code targets.csv} of a baseline ({@code results/baselines/<experiment>/}): per run, its cell's
 * key, the cell's target loss and the steps the run took to reach it. Written by {@code baseline
 * update}; read by {@code compare} in place of the baseline's steps, which a baseline does not
 * keep.
 */
public final class TargetsTable {

  /** The file name inside a baseline. */
  public static final String FILE = "targets.csv";

  /** The columns, in file order. */
  public static final ColumnSchema SCHEMA =
      ColumnSchema.builder()
          .add("run_id", STRING, "the run's id, as in runs.csv")
          .add("cell_key", STRING, "the run's cell without its seed: what compare matches on")
          .add("target_loss", DOUBLE, "loss",
              "the loss the cell's runs are timed to reach (the baseline's target)")
          .add("steps_to_target", DOUBLE, "steps", "the steps the run took to reach target_loss")
          .nan("when the run never reached it")
          .build();

  private TargetsTable() {}
}
