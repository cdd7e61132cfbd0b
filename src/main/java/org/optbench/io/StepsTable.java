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

  /**
   * The step columns of {@code steps.parquet} and of the {@code steps.csv} export, in file order
   * (after {@code run_id}; the export repeats the run's identifying and hyperparameter columns
   * before {@code step}).
   */
  public static final ColumnSchema METRICS =
      ColumnSchema.builder()
          .add("step", INTEGER, "step", "the 1-based training step")
          .add("loss", DOUBLE, "loss", "training loss of the step's batch")
          .nan("when the loss was not a number (the run diverged)")
          .add("grad_norm", DOUBLE, "", "global L2 norm of the gradient before clipping")
          .nan("when the gradient was not finite")
          .add("grad_norm_clipped", DOUBLE, "", "global L2 norm of the gradient after clipping")
          .nan("when the gradient was not finite")
          .add("clipped", BOOLEAN, "whether clipping changed the gradient at this step")
          .add("clipping_threshold", DOUBLE, "",
              "the clipping threshold in force (max_norm, or the adaptive method's value)")
          .missing("when the run does not clip")
          .add("learning_rate", DOUBLE, "",
              "base lr × schedule factor at this step, the double the schedule computes")
          .add("step_size", DOUBLE, "", "the step size the optimizer applied (learning_rate for"
              + " most; the adapted size for Prodigy, D-Adaptation, schedule-free)")
          .add("wall_ms", DOUBLE, "ms", "wall-clock time of the step")
          .add("eval_loss", DOUBLE, "loss", "held-out loss after this step")
          .missing("on steps without an evaluation (and where the evaluation's loss was not"
              + " finite: the run then diverged)")
          .add("eval_accuracy", DOUBLE, "fraction", "held-out accuracy after this step")
          .missing("on steps without an evaluation, and for workloads without accuracy")
          .build();

  /** The columns of the {@code steps.csv} export, in file order (without hyperparameters). */
  public static final ColumnSchema SCHEMA = CellColumns.SCHEMA.plus(METRICS);

  /**
   * What a {@code steps.csv} is read with: its label columns, whatever their version, are not
   * required, because readers take them from {@code runs.csv}.
   */
  static final ColumnSchema READ =
      SCHEMA.optionalExcept(concat("run_id", METRICS.names()));

  private static String[] concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all.toArray(String[]::new);
  }

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
