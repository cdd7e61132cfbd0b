package org.optbench.io;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBConnection;

/**
 * Embedded DuckDB, the engine behind {@code steps.parquet} ({@link StepsParquet}): one in-memory
 * database per process, opened on first use (starting a database costs about as much as writing
 * a run's steps), with a connection of its own for each operation. Nothing is written but the
 * files a {@code COPY} names.
 */
final class DuckDb {

  private static final AtomicLong TABLES = new AtomicLong();
  private static DuckDBConnection database;

  private DuckDb() {}

  /** A new connection to the process's in-memory database; close it after use. */
  static synchronized Connection open() throws SQLException {
    if (database == null) {
      database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
      try (var settings = database.createStatement()) {
        // Steps are written and read in file order; DuckDB keeps it unless told it may not.
        settings.execute("SET preserve_insertion_order = true");
        // Nothing is fetched: no extension is installed or loaded behind optbench's back.
        settings.execute("SET autoinstall_known_extensions = false");
        settings.execute("SET autoload_known_extensions = false");
      }
    }
    return database.duplicate();
  }

  /** A table name no other operation of this process uses; drop the table after use. */
  static String freshTable(String prefix) {
    return prefix + "_" + TABLES.incrementAndGet();
  }

  /** {@code file} as a SQL string literal. */
  static String literal(Path file) {
    return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
  }
}
