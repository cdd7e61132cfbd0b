package org.optbench.io;

import java.nio.file.Path;
import tech.tablesaw.api.Table;

/**
 * A CSV file read with fixed column types, and the line each row starts on, so that a check of
 * the values can name the line at fault.
 *
 * @param file the file read
 * @param table its rows
 * @param lines {@code lines[row]}: the 1-based line of the file where the row starts
 */
record ReadTable(Path file, Table table, int[] lines) {

  /** The line {@code row} starts on. */
  int line(int row) {
    return lines[row];
  }

  /** Rows. */
  int rows() {
    return table.rowCount();
  }

  /** {@code "line N, column NAME"}, the start of a message about one cell. */
  String at(int row, String column) {
    return "line " + line(row) + ", column " + column;
  }
}
