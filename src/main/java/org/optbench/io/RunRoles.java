package org.optbench.io;

import org.optbench.spec.Trial;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Reads the tuning columns of {@code runs.csv} ({@code role}, {@code solver}, {@code study},
 * {@code trial}), which result sets written before tuning existed lack: there every run is a grid
 * cell.
 */
public final class RunRoles {

  private RunRoles() {}

  /** The role of row {@code row}. */
  public static Trial.Role role(Table runs, int row) {
    if (!runs.containsColumn("role")) {
      return Trial.Role.GRID;
    }
    return Trial.Role.parse(runs.stringColumn("role").get(row));
  }

  /**
   * The runs that stand for their cells: grid cells and the reruns of selected settings. Tuning
   * trials are left out: each is one setting on one seed, explored and mostly discarded, and
   * belongs in the tuning sections rather than among the compared cells.
   */
  public static Table withoutTrials(Table runs) {
    if (!runs.containsColumn("role")) {
      return runs;
    }
    StringColumn role = runs.stringColumn("role");
    return runs.where(role.isNotEqualTo(Trial.Role.TRIAL.word()));
  }
}
