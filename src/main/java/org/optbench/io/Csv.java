package org.optbench.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
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
    Table text = withNaNAsText(table);
    AtomicFiles.write(
        target,
        temp -> {
          try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            text.write().csv(CsvWriteOptions.builder(out).lineEnd("\n").build());
          }
        });
  }

  /**
   * {@code table} with each double column replaced by its values as text. Tablesaw takes NaN as a
   * double column's missing value and writes it as an empty cell, which reads as "not recorded";
   * a diverged run's NaN loss must stay visible as {@code NaN} (README, "Divergence is recorded,
   * not hidden"). The other values are written as Tablesaw writes them ({@link Double#toString}).
   */
  private static Table withNaNAsText(Table table) {
    if (table.columns().stream().noneMatch(c -> c instanceof DoubleColumn)) {
      return table;
    }
    Table text = Table.create(table.name());
    for (Column<?> column : table.columns()) {
      if (column instanceof DoubleColumn numbers) {
        String[] values = new String[numbers.size()];
        for (int row = 0; row < values.length; row++) {
          values[row] = Double.toString(numbers.getDouble(row));
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
   * every part, in order. Parts are copied as text, so a large result set is never held in memory.
   *
   * @throws IllegalArgumentException when a part's header differs from the schema's
   */
  static void concat(List<Path> parts, ColumnSchema schema, Path target) throws IOException {
    String header = schema.header();
    AtomicFiles.write(
        target,
        temp -> {
          try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            out.write(header);
            out.write('\n');
            for (Path part : parts) {
              try (BufferedReader in = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                String first = in.readLine();
                if (!header.equals(first)) {
                  throw new IllegalArgumentException(
                      part + " has header '" + first + "', expected '" + header + "'");
                }
                in.transferTo(out);
              }
            }
          }
        });
  }
}
