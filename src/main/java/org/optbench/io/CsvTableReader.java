package org.optbench.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads a result CSV file into a table with the types of a {@link ColumnSchema}, checking every
 * cell on the way: each row has the header's number of fields, numbers parse ({@code NaN} and
 * {@code ±Infinity} included, an empty cell is a missing number), integers fit their column,
 * flags are {@code true} or {@code false}. The first problem is reported as a {@link
 * ResultSetException} naming the file, line and column, so a damaged file never reaches the code
 * that uses the table.
 *
 * <p>Hyperparameter columns ({@link HyperparameterColumns}) are read with their catalogue types;
 * other columns the schema does not know (added by a later version) are read as text. An empty
 * cell is a missing value in a number column, a hyperparameter column, or a column the schema
 * marks nullable; elsewhere it is an error. Files of schema version 1 are read as version 2
 * ({@link LegacyColumns}).
 */
final class CsvTableReader {

  private CsvTableReader() {}

  /**
   * Reads {@code file} after {@link FileCheck#csvFile} checks.
   *
   * @param maxBytes the file's size cap ({@link ReadLimits})
   * @param fix what the user can do about a damaged file, appended to every message
   */
  static ReadTable read(Path file, ColumnSchema schema, long maxBytes, String fix) {
    FileCheck.csvFile(file, maxBytes, fix);
    try (Reader in = utf8(file)) {
      CsvTokenizer rows = new CsvTokenizer(in, file, fix);
      List<String> header = new ArrayList<>();
      if (!rows.next(header)) {
        throw new ResultSetException(file, "has no header row; " + fix);
      }
      boolean version1 = LegacyColumns.isVersion1(header);
      if (version1) {
        header = LegacyColumns.renamed(header);
      }
      List<Column<?>> columns = columns(file, header, schema, fix);
      boolean[] nullable = new boolean[header.size()];
      for (int c = 0; c < nullable.length; c++) {
        String name = header.get(c);
        nullable[c] = schema.nullable().contains(name) || HyperparameterColumns.is(name);
      }
      int[] lines = new int[1024];
      int row = 0;
      List<String> fields = new ArrayList<>(header.size());
      while (rows.next(fields)) {
        if (fields.size() != header.size()) {
          throw new ResultSetException(
              file, "line " + rows.rowLine() + " has " + fields.size() + " fields, the header "
                  + header.size() + "; " + fix);
        }
        for (int c = 0; c < fields.size(); c++) {
          append(columns.get(c), fields.get(c), nullable[c], file, rows.rowLine(), fix);
        }
        if (row == lines.length) {
          lines = Arrays.copyOf(lines, row * 2);
        }
        lines[row++] = rows.rowLine();
      }
      Table table = Table.create(file.getFileName().toString());
      columns.forEach(table::addColumns);
      if (version1) {
        table = LegacyColumns.upgrade(table);
      }
      return new ReadTable(file, table, Arrays.copyOf(lines, row));
    } catch (IOException e) {
      throw FileCheck.unreadable(file, e, fix);
    }
  }

  /** A reader that fails on bytes that are not UTF-8, instead of inventing characters. */
  private static Reader utf8(Path file) throws IOException {
    return new BufferedReader(
        new InputStreamReader(
            Files.newInputStream(file),
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)),
        1 << 16);
  }

  private static List<Column<?>> columns(
      Path file, List<String> header, ColumnSchema schema, String fix) {
    Set<String> seen = new HashSet<>();
    for (String name : header) {
      if (!seen.add(name)) {
        throw new ResultSetException(
            file, "the header names column " + FileCheck.shown(name) + " twice; " + fix);
      }
    }
    List<String> missing = schema.required().stream().filter(name -> !seen.contains(name)).toList();
    if (!missing.isEmpty()) {
      throw new ResultSetException(file, "lacks the columns " + missing + "; " + fix);
    }
    List<Column<?>> columns = new ArrayList<>();
    for (String name : header) {
      ColumnType type = schema.types().containsKey(name)
          ? schema.types().get(name)
          : HyperparameterColumns.type(name).orElse(ColumnType.STRING);
      columns.add(type.create(name));
    }
    return columns;
  }

  private static void append(
      Column<?> column, String text, boolean nullable, Path file, int line, String fix) {
    try {
      appendCell(column, text, nullable);
    } catch (NumberFormatException e) {
      throw new ResultSetException(
          file, "line " + line + ", column " + column.name() + ": " + problem(column.type(), text)
              + "; " + fix);
    }
  }

  /**
   * Appends the value {@code text} to {@code column}, as the column's type reads it; an empty
   * cell is a missing value in a number column, or in any column when {@code nullable}.
   *
   * @throws NumberFormatException when {@code text} is not a value of the column's type
   */
  static void appendCell(Column<?> column, String text, boolean nullable) {
    ColumnType type = column.type();
    if (type == ColumnType.STRING) {
      ((StringColumn) column).append(text);
      return;
    }
    if (text.isEmpty() && (nullable || type == ColumnType.DOUBLE)) {
      column.appendMissing(); // a double's NaN in files of schema version 1
      return;
    }
    if (type == ColumnType.DOUBLE) {
      ((DoubleColumn) column).append(NumberText.parseDouble(text));
    } else if (type == ColumnType.INTEGER) {
      ((IntColumn) column).append(Integer.parseInt(text));
    } else if (type == ColumnType.LONG) {
      ((LongColumn) column).append(Long.parseLong(text));
    } else if (type == ColumnType.BOOLEAN) {
      ((BooleanColumn) column).append(bool(text));
    } else {
      throw new IllegalStateException("no reader for column type " + type);
    }
  }

  private static boolean bool(String text) {
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new NumberFormatException(text);
    };
  }

  private static String problem(ColumnType type, String text) {
    if (text.isEmpty()) {
      return "empty, but the column needs a value";
    }
    if (type == ColumnType.INTEGER) {
      return NumberText.notAnInteger(text, 32);
    }
    if (type == ColumnType.LONG) {
      return NumberText.notAnInteger(text, 64);
    }
    if (type == ColumnType.BOOLEAN) {
      return FileCheck.shown(text) + " is not true or false";
    }
    return FileCheck.shown(text) + " is not a number (NaN and Infinity are allowed)";
  }
}
