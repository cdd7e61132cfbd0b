package org.optbench.io;

import java.sql.SQLException;

/**
 * Opens the process's embedded DuckDB ahead of its first use. Its first connection extracts and
 * loads DuckDB's native library (0.4–0.6 s), which a run would otherwise pay when it publishes
 * its steps, after training; opened during start-up, it costs nothing on the critical path.
 */
public final class DuckDbPreload {

  private DuckDbPreload() {}

  /** Opens (and closes) one connection to the process's database. */
  public static void open() throws SQLException {
    DuckDb.open().close();
  }
}
