package org.optbench.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * Reading and writing result CSV files with Tablesaw, with the conventions of this package: UTF-8,
 * {@code \n} line ends, a header row, fixed column types, and only the empty cell as missing.
 */
final class Csv {

  /** Configs can be long (a list-valued hyperparameter); Tablesaw's default cap is 4096. */
  private static final int MAX_CHARS_PER_CELL = 1 << 20;

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
   * Reads {@code file} with the types of {@code schema}; columns the schema does not know (added by
   * a later version) are read as strings.
   *
   * @throws IllegalArgumentException naming the columns of {@code schema} the file lacks
   */
  static Table read(Path file, ColumnSchema schema) throws IOException {
    Table table;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      CsvReadOptions options =
          CsvReadOptions.builder(in)
              .tableName(file.getFileName().toString())
              .columnTypes(name -> schema.types().getOrDefault(name, ColumnType.STRING))
              // Tablesaw's default also takes "NA", "null", "*" as missing, which would blank out
              // a legitimate string value; an empty cell is the only missing marker we write.
              .missingValueIndicator("")
              .maxCharsPerColumn(MAX_CHARS_PER_CELL)
              .build();
      table = Table.read().csv(options);
    }
    List<String> missing =
        schema.names().stream().filter(name -> !table.columnNames().contains(name)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(file + " lacks the columns " + missing);
    }
    return table;
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
