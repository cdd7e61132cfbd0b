package org.optbench.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * Writing result CSV files with Tablesaw, with the conventions of this package: UTF-8, {@code \n}
 * line ends, a header row. ({@link CsvTableReader} reads them back.)
 */
final class Csv {

  private Csv() {}

  /** Writes {@code table} to {@code target} atomically. */
  static void write(Table table, Path target) throws IOException {
    AtomicFiles.write(
        target,
        temp -> {
          try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            table.write().csv(CsvWriteOptions.builder(out).lineEnd("\n").build());
          }
        });
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
