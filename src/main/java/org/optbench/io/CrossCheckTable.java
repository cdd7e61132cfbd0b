package org.optbench.io;

import static tech.tablesaw.api.ColumnType.DOUBLE;
import static tech.tablesaw.api.ColumnType.INTEGER;
import static tech.tablesaw.api.ColumnType.STRING;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.optbench.metrics.CrossCheckResult;
import org.optbench.metrics.CrossCheckRow;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code crosscheck.csv}: one row per cross-checked run, step and tensor (a parameter, a
 * parameter's optimizer state array {@code name:stateK}, or {@code loss}), the run's identifying
 * columns first. Written only when the spec asks for {@code crosscheck: lockstep|trajectory}.
 */
public final class CrossCheckTable {

  /** The file name inside a result set. */
  public static final String FILE = "crosscheck.csv";

  /** The columns, in file order. */
  public static final ColumnSchema SCHEMA =
      CellColumns.SCHEMA.plus(
          ColumnSchema.builder()
              .add("crosscheck_mode", STRING, "how the engines were compared: lockstep (the"
                  + " same inputs each step) or trajectory (each engine on its own)")
              .add("step", INTEGER, "step", "the 1-based training step compared")
              .add("tensor", STRING, "what was compared: a parameter, a parameter's optimizer"
                  + " state array name:stateK, or loss")
              .add("max_abs", DOUBLE, "", "largest absolute difference between the engines")
              .nan("when a value was not finite on either engine")
              .add("max_rel", DOUBLE, "", "largest relative difference between the engines")
              .nan("when a value was not finite on either engine")
              .add("verdict", STRING, "agree or differ, against the tolerance of the spec")
              .build());

  private CrossCheckTable() {}

  /** The rows of one cross-check. */
  public static Table of(String experiment, CrossCheckResult result) {
    List<CrossCheckRow> rows = result.rows();
    int n = rows.size();
    int[] step = new int[n];
    String[] tensor = new String[n];
    double[] maxAbs = new double[n];
    double[] maxRel = new double[n];
    String[] verdict = new String[n];
    String[] mode = new String[n];
    for (int i = 0; i < n; i++) {
      CrossCheckRow r = rows.get(i);
      step[i] = r.step();
      tensor[i] = r.tensor();
      maxAbs[i] = r.maxAbs();
      maxRel[i] = r.maxRel();
      verdict[i] = r.verdict();
      mode[i] = result.mode();
    }
    List<Column<?>> columns = new ArrayList<>(CellColumns.of(experiment, result.cell(), n));
    columns.add(StringColumn.create("crosscheck_mode", mode));
    columns.add(IntColumn.create("step", step));
    columns.add(StringColumn.create("tensor", tensor));
    columns.add(DoubleColumn.create("max_abs", maxAbs));
    columns.add(DoubleColumn.create("max_rel", maxRel));
    columns.add(StringColumn.create("verdict", verdict));
    return Table.create(FILE, columns);
  }

  /** The cross-check table of a published result set, if it has one. */
  public static Optional<Table> read(Path resultsDir) {
    return ResultSetCheck.optionalTable(
        resultsDir, FILE, SCHEMA, null, Remedies.forFolder(resultsDir));
  }
}
