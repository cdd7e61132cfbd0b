package org.optbench.metrics;

import java.util.List;
import org.optbench.spec.Cell;

/**
 * A cross-check of one cell: the engine-side optimizer against the native one.
 *
 * @param cell the cell checked (its engine column names the engine-side implementation)
 * @param mode {@code lockstep} or {@code trajectory}
 * @param rows per step and tensor, in step order
 */
public record CrossCheckResult(Cell cell, String mode, List<CrossCheckRow> rows) {
  public CrossCheckResult {
    rows = List.copyOf(rows);
  }

  /** The row with the largest relative difference, or null when there are none. */
  public CrossCheckRow worst() {
    CrossCheckRow worst = null;
    for (CrossCheckRow row : rows) {
      if (worst == null || row.maxRel() > worst.maxRel() || Double.isNaN(row.maxRel())) {
        worst = row;
      }
    }
    return worst;
  }
}
