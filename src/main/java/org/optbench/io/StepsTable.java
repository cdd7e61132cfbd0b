package org.optbench.io;

import static tech.tablesaw.api.ColumnType.BOOLEAN;
import static tech.tablesaw.api.ColumnType.DOUBLE;
import static tech.tablesaw.api.ColumnType.INTEGER;

import java.util.ArrayList;
import java.util.List;
import org.optbench.metrics.RunResult;
import org.optbench.metrics.StepRecord;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** {@code steps.csv}: one row per run and step, the run's identifying columns first. */
public final class StepsTable {

  /** The columns of {@code steps.csv}, in file order. */
  public static final ColumnSchema SCHEMA =
      CellColumns.SCHEMA.plus(
          ColumnSchema.builder()
              .add("step", INTEGER)
              .add("loss", DOUBLE)
              .add("grad_norm", DOUBLE)
              .add("grad_norm_clipped", DOUBLE)
              .add("clipped", BOOLEAN)
              .add("clipping_threshold", DOUBLE)
              .add("learning_rate", DOUBLE)
              .add("step_size", DOUBLE)
              .add("wall_ms", DOUBLE)
              .add("eval_loss", DOUBLE)
              .add("eval_accuracy", DOUBLE)
              .build());

  private StepsTable() {}

  /** The rows of one run. Steps without an evaluation keep NaN eval cells. */
  public static Table of(String experiment, RunResult run) {
    List<StepRecord> steps = run.steps();
    int n = steps.size();
    int[] step = new int[n];
    double[] loss = new double[n];
    double[] gradNorm = new double[n];
    double[] gradNormClipped = new double[n];
    boolean[] clipped = new boolean[n];
    double[] clipThreshold = new double[n];
    double[] learningRate = new double[n];
    double[] stepSize = new double[n];
    double[] wallMs = new double[n];
    double[] evalLoss = new double[n];
    double[] evalAccuracy = new double[n];
    for (int i = 0; i < n; i++) {
      StepRecord s = steps.get(i);
      step[i] = s.step();
      loss[i] = s.loss();
      gradNorm[i] = s.gradNorm();
      gradNormClipped[i] = s.gradNormClipped();
      clipped[i] = s.clipped();
      clipThreshold[i] = s.clipThreshold();
      learningRate[i] = s.learningRate();
      stepSize[i] = s.stepSize();
      wallMs[i] = s.wallMs();
      evalLoss[i] = s.evalLoss();
      evalAccuracy[i] = s.evalAccuracy();
    }
    List<Column<?>> columns = new ArrayList<>(CellColumns.of(experiment, run.summary().cell(), n));
    columns.add(IntColumn.create("step", step));
    columns.add(DoubleColumn.create("loss", loss));
    columns.add(DoubleColumn.create("grad_norm", gradNorm));
    columns.add(DoubleColumn.create("grad_norm_clipped", gradNormClipped));
    columns.add(BooleanColumn.create("clipped", clipped));
    columns.add(DoubleColumn.create("clipping_threshold", clipThreshold));
    columns.add(DoubleColumn.create("learning_rate", learningRate));
    columns.add(DoubleColumn.create("step_size", stepSize));
    columns.add(DoubleColumn.create("wall_ms", wallMs));
    columns.add(DoubleColumn.create("eval_loss", evalLoss));
    columns.add(DoubleColumn.create("eval_accuracy", evalAccuracy));
    return Table.create(ResultFiles.STEPS, columns);
  }
}
