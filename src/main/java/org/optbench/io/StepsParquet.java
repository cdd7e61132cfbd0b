package org.optbench.io;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * {@code steps.parquet}: one row per run and step, keyed by {@code run_id}. The run's labels
 * (workload, optimizer, clip, seed, …) are not repeated per step as in {@code steps.csv}: they are
 * in {@code runs.csv}, joined on {@code run_id}. Columns, in order: {@code run_id} (string),
 * {@code step} (int32), then {@link StepSeries#METRICS} as doubles except {@code clipped}
 * (boolean). NaN and ±Infinity are stored as such; a value that was not recorded (no evaluation
 * at this step, no clipping threshold) is null ({@link StepsTable#METRICS} says which columns may
 * be); files of schema version 1 hold NaN there instead, which reads the same.
 *
 * <p>Written and read through embedded DuckDB ({@link DuckDb}); any Parquet reader (pandas,
 * polars, DuckDB, Spark) reads it. Compression is zstd; {@code run_id} repeats in long runs of
 * equal values, which Parquet's dictionary and run-length encodings store in a few bits per row.
 * Every write goes through {@link AtomicFiles}.
 */
final class StepsParquet {

  /**
   * DuckDB's Parquet writer options. Format v2 lets DuckDB choose delta encodings for {@code step}
   * and byte-stream-split for the doubles, which zstd then compresses about a third better than
   * plain doubles (docs/performance.md, "Step storage").
   */
  // USE_TMP_FILE false: the target is already a temporary file of optbench's own (renamed into
  // place when complete, see AtomicFiles); DuckDB's own "tmp_" copy of it would be one more file
  // that a process killed mid-write leaves behind under a name no cleaner knows.
  private static final String OPTIONS = "(FORMAT parquet, COMPRESSION zstd, PARQUET_VERSION v2,"
      + " ROW_GROUP_SIZE 122880, USE_TMP_FILE false)";

  /** Column names in file order. */
  static final List<String> COLUMNS = columns();

  private StepsParquet() {}

  /** Receives the rows of a {@code steps.parquet} in file order. */
  interface RowSink {
    /**
     * One row.
     *
     * @param row the 1-based row number in the file
     * @param values the {@link StepSeries#METRICS}, {@code clipped} as 1 or 0; reused between rows
     */
    void row(long row, String runId, int step, double[] values);
  }

  /**
   * Writes the {@code run_id}, {@code step} and metric columns of {@code steps} (a {@link
   * StepsTable}-shaped table; label columns are dropped) to {@code target}, atomically.
   */
  static void write(Table steps, Path target) throws IOException {
    AtomicFiles.write(target, temp -> {
      String table = DuckDb.freshTable("steps");
      try (Connection connection = DuckDb.open(); Statement sql = connection.createStatement()) {
        sql.execute("CREATE TABLE " + table + " (" + declarations() + ")");
        try {
          append(steps, (DuckDBConnection) connection, table);
          sql.execute("COPY " + table + " TO " + DuckDb.literal(temp) + " " + OPTIONS);
        } finally {
          sql.execute("DROP TABLE " + table);
        }
      } catch (SQLException e) {
        throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
      }
    });
  }

  /** Joins {@code parts} (each a {@code steps.parquet}), in order, into {@code target}, atomically. */
  static void concat(List<Path> parts, Path target) throws IOException {
    AtomicFiles.write(target, temp -> {
      try (Connection connection = DuckDb.open(); Statement sql = connection.createStatement()) {
        if (parts.isEmpty()) {
          String table = DuckDb.freshTable("steps");
          sql.execute("CREATE TABLE " + table + " (" + declarations() + ")");
          sql.execute("COPY " + table + " TO " + DuckDb.literal(temp) + " " + OPTIONS);
          sql.execute("DROP TABLE " + table);
        } else {
          String files = parts.stream().map(DuckDb::literal).collect(Collectors.joining(", "));
          sql.execute("COPY (SELECT " + String.join(", ", COLUMNS) + " FROM read_parquet(["
              + files + "])) TO " + DuckDb.literal(temp) + " " + OPTIONS);
        }
      } catch (SQLException e) {
        throw new IOException("cannot join step parts into " + target + ": " + e.getMessage(), e);
      }
    });
  }

  /**
   * Streams the rows of {@code file} to {@code sink}, checking that the file is a Parquet file
   * with the columns above (integer {@code step}, numeric metrics, boolean {@code clipped}) and
   * that {@code run_id} and {@code step} are present in every row. Missing metric cells read as
   * NaN.
   *
   * @throws ResultSetException naming the file and, where a row is at fault, its number
   */
  static void read(Path file, String fix, RowSink sink) {
    FileCheck.parquetFile(file, ReadLimits.STEPS_BYTES, fix);
    try (Connection connection = DuckDb.open(); Statement sql = connection.createStatement()) {
      checkColumns(file, sql, fix);
      // Metrics come as doubles with a missing cell already NaN (clipped as 1, 0 or NaN), so that
      // the loop below reads each value with one call: it runs for every cell of the file.
      String select = COLUMNS.stream()
          .map(c -> c.equals("run_id") || c.equals("step") ? c
              : "coalesce(CAST(" + c + " AS DOUBLE), 'NaN'::DOUBLE) AS " + c)
          .collect(Collectors.joining(", "));
      try (var rows = sql.executeQuery(
          "SELECT " + select + " FROM read_parquet(" + DuckDb.literal(file) + ")")) {
        double[] values = new double[StepSeries.METRICS.size()];
        long row = 0;
        while (rows.next()) {
          row++;
          String runId = rows.getString(1);
          if (runId == null || runId.isEmpty()) {
            throw bad(file, row, "run_id", "is empty", fix);
          }
          long step = rows.getLong(2);
          if (rows.wasNull()) {
            throw bad(file, row, "step", "is empty", fix);
          }
          if (step < 0) {
            throw bad(file, row, "step", step + " is negative", fix);
          }
          if (step > Integer.MAX_VALUE) {
            throw bad(file, row, "step", step + " does not fit a 32-bit integer", fix);
          }
          for (int m = 0; m < values.length; m++) {
            values[m] = rows.getDouble(3 + m);
          }
          sink.row(row, runId, (int) step, values);
        }
      }
    } catch (SQLException e) {
      throw new ResultSetException(file, "cannot be read as Parquet (" + firstLine(e) + "); "
          + fix);
    }
  }

  /**
   * Checks that {@code file} is a whole Parquet file with the columns above, without reading its
   * rows.
   */
  static void checkFile(Path file, String fix) {
    FileCheck.parquetFile(file, ReadLimits.STEPS_BYTES, fix);
    try (Connection connection = DuckDb.open(); Statement sql = connection.createStatement()) {
      checkColumns(file, sql, fix);
    } catch (SQLException e) {
      throw new ResultSetException(file, "cannot be read as Parquet (" + firstLine(e) + "); "
          + fix);
    }
  }

  /** "row N, column C: problem; fix" as an exception about {@code file}. */
  static ResultSetException bad(Path file, long row, String column, String problem, String fix) {
    return new ResultSetException(file, "row " + row + ", column " + column + ": " + problem
        + "; " + fix);
  }

  /** Fails unless every column is present with a type this reader converts. */
  private static void checkColumns(Path file, Statement sql, String fix) throws SQLException {
    List<String> missing = new ArrayList<>();
    try (var rows = sql.executeQuery(
        "SELECT * FROM read_parquet(" + DuckDb.literal(file) + ") LIMIT 0")) {
      ResultSetMetaData meta = rows.getMetaData();
      List<String> names = new ArrayList<>();
      List<String> types = new ArrayList<>();
      for (int c = 1; c <= meta.getColumnCount(); c++) {
        names.add(meta.getColumnName(c));
        types.add(meta.getColumnTypeName(c));
      }
      for (String column : COLUMNS) {
        int at = names.indexOf(column);
        if (at < 0) {
          missing.add(column);
          continue;
        }
        String type = types.get(at);
        boolean ok = switch (column) {
          case "run_id" -> type.equals("VARCHAR");
          case "step" -> List.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT",
              "USMALLINT", "UINTEGER").contains(type);
          case "clipped" -> type.equals("BOOLEAN");
          default -> List.of("DOUBLE", "FLOAT", "INTEGER", "BIGINT").contains(type);
        };
        if (!ok) {
          throw new ResultSetException(file, "column " + column + " has type " + type
              + ", not one optbench writes; " + fix);
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new ResultSetException(file, "lacks the columns " + missing + "; " + fix);
    }
  }

  private static void append(Table steps, DuckDBConnection connection, String table)
      throws SQLException {
    List<NumericColumn<?>> numeric = new ArrayList<>();
    List<Boolean> nullable = new ArrayList<>();
    for (String m : StepSeries.METRICS) {
      numeric.add(m.equals("clipped") ? null : (NumericColumn<?>) steps.column(m));
      nullable.add(StepsTable.METRICS.nullable().contains(m));
    }
    BooleanColumn clipped = steps.booleanColumn("clipped");
    var runId = steps.stringColumn("run_id");
    var step = steps.intColumn("step");
    try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA,
        table)) {
      for (int r = 0; r < steps.rowCount(); r++) {
        appender.beginRow();
        appender.append(runId.get(r));
        appender.append(step.getInt(r));
        for (int c = 0; c < numeric.size(); c++) {
          NumericColumn<?> column = numeric.get(c);
          if (column == null) {
            appender.append(!clipped.isMissing(r) && clipped.get(r));
          } else if (nullable.get(c) && Double.isNaN(column.getDouble(r))) {
            // A value that was not recorded is a null, which pandas and polars read as missing.
            appender.appendNull();
          } else {
            appender.append(column.getDouble(r));
          }
        }
        appender.endRow();
      }
    }
  }

  private static String declarations() {
    return COLUMNS.stream()
        .map(c -> c + (c.equals("run_id") ? " VARCHAR NOT NULL"
            : c.equals("step") ? " INTEGER NOT NULL"
            : c.equals("clipped") ? " BOOLEAN NOT NULL"
            : StepsTable.METRICS.nullable().contains(c) ? " DOUBLE" : " DOUBLE NOT NULL"))
        .collect(Collectors.joining(", "));
  }

  private static List<String> columns() {
    List<String> all = new ArrayList<>(List.of("run_id", "step"));
    all.addAll(StepSeries.METRICS);
    return List.copyOf(all);
  }

  /** The first line of a DuckDB error, without its stack of context. */
  private static String firstLine(SQLException e) {
    String message = String.valueOf(e.getMessage()).strip();
    int end = message.indexOf('\n');
    return FileCheck.shown(end < 0 ? message : message.substring(0, end)).replaceAll("^'|'$", "");
  }
}
