package org.optbench.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * Writing result CSV files with Tablesaw, with the conventions of this package: UTF-8, {@code \n}
 * line ends, a header row, and every number written as {@link Double#toString} writes it, {@code
 * NaN} and {@code ±Infinity} included. ({@link CsvTableReader} reads them back.)
 */
final class Csv {

  private Csv() {}

  /** Writes {@code table} to {@code target} atomically. */
  static void write(Table table, Path target) throws IOException {
    AtomicFiles.write(target, filler(table));
  }

  /** What fills a (temporary) file with {@code table}, for {@link AtomicFiles#writeAll}. */
  static IoConsumer<Path> filler(Table table) {
    Table text = withNaNAsText(table);
    return temp -> {
      try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        text.write().csv(CsvWriteOptions.builder(out).lineEnd("\n").build());
      }
    };
  }

  /**
   * Formats a one-row table of every column type the result files use to nowhere. The first table
   * written in a JVM otherwise pays for loading and compiling Tablesaw's and univocity's writer
   * classes, 1–4 s measured on the 2-core development machine: a caller that knows it will write
   * results calls this while other start-up work (the engine's loading) runs.
   */
  static void loadWriter() {
    Table table = RunsTable.SCHEMA.emptyTable(ResultFiles.RUNS);
    table.columns().forEach(Column::appendMissing);
    withNaNAsText(table).write().csv(CsvWriteOptions.builder(Writer.nullWriter()).lineEnd("\n").build());
  }

  /**
   * The columns whose missing values are written as empty cells: those a result file's schema
   * marks nullable, and the hyperparameter columns. Elsewhere a double's NaN is a measured value.
   */
  private static final java.util.Set<String> EMPTY_WHEN_MISSING = emptyWhenMissing();

  private static java.util.Set<String> emptyWhenMissing() {
    java.util.Set<String> names = new java.util.HashSet<>(RunsTable.SCHEMA.nullable());
    names.addAll(StepsTable.SCHEMA.nullable());
    names.addAll(CrossCheckTable.SCHEMA.nullable());
    return java.util.Set.copyOf(names);
  }

  /**
   * {@code table} with each double column replaced by its values as text. Tablesaw takes NaN as a
   * double column's missing value and writes it as an empty cell, which reads as "not recorded";
   * a diverged run's NaN loss must stay visible as {@code NaN} (README, "Divergence is recorded,
   * not hidden"), while a value that was never recorded (no evaluation at this step, a
   * hyperparameter the cell's optimizer lacks) is an empty cell ({@link #EMPTY_WHEN_MISSING}).
   * The other values are written as Tablesaw writes them ({@link Double#toString}).
   */
  private static Table withNaNAsText(Table table) {
    if (table.columns().stream().noneMatch(c -> c instanceof DoubleColumn)) {
      return table;
    }
    Table text = Table.create(table.name());
    for (Column<?> column : table.columns()) {
      if (column instanceof DoubleColumn numbers) {
        boolean empty = EMPTY_WHEN_MISSING.contains(column.name())
            || HyperparameterColumns.is(column.name());
        String[] values = new String[numbers.size()];
        for (int row = 0; row < values.length; row++) {
          double value = numbers.getDouble(row);
          values[row] = empty && Double.isNaN(value) ? "" : Double.toString(value);
        }
        text.addColumns(StringColumn.create(column.name(), values));
      } else {
        text.addColumns(column);
      }
    }
    return text;
  }

  /**
   * Writes {@code target} atomically as the header of {@code schema} followed by the data rows of
   * every part, in order. Each part's header line is compared byte for byte, then its rows are
   * copied as bytes by the kernel: a large result set is never held in memory, nor decoded and
   * encoded again (the parts are UTF-8 as this class writes them).
   *
   * @throws IllegalArgumentException when a part's header differs from the schema's
   */
  static void concat(List<Path> parts, ColumnSchema schema, Path target) throws IOException {
    String header = schema.header();
    byte[] headerLine = (header + "\n").getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(
        target,
        temp -> {
          try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            writeFully(out, ByteBuffer.wrap(headerLine));
            for (Path part : parts) {
              try (FileChannel in = FileChannel.open(part, StandardOpenOption.READ)) {
                ByteBuffer first = ByteBuffer.allocate(headerLine.length);
                while (first.hasRemaining() && in.read(first) >= 0) {
                  // fill the buffer or reach the end of a short part
                }
                if (first.hasRemaining() || !Arrays.equals(first.array(), headerLine)) {
                  throw new IllegalArgumentException(
                      part + " has header '" + firstLine(part) + "', expected '" + header + "'");
                }
                long position = headerLine.length;
                long size = in.size();
                while (position < size) {
                  position += in.transferTo(position, size - position, out);
                }
              }
            }
          }
        });
  }

  private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
  }

  private static String firstLine(Path part) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
      return in.readLine();
    }
  }
}
