package org.optbench.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Edits of one result CSV file as text, the way a truncated copy, a spreadsheet or a careless
 * script damages it. Cells may be quoted (RFC 4180), so rows are split with quotes respected.
 */
final class CsvEdit {

  private final Path file;
  private final List<String> lines;
  private final List<String> header;

  private CsvEdit(Path file) throws IOException {
    this.file = file;
    this.lines = new ArrayList<>(Files.readAllLines(file));
    this.header = split(lines.get(0));
  }

  static CsvEdit of(Path file) throws IOException {
    return new CsvEdit(file);
  }

  /** Sets {@code column} of data row {@code row} (0 = first row after the header). */
  CsvEdit set(int row, String column, String value) {
    List<String> cells = split(lines.get(row + 1));
    cells.set(index(column), value);
    lines.set(row + 1, join(cells));
    return this;
  }

  /** Applies {@code change} to {@code column} of every data row. */
  CsvEdit setAll(String column, UnaryOperator<String> change) {
    for (int row = 0; row < lines.size() - 1; row++) {
      List<String> cells = split(lines.get(row + 1));
      cells.set(index(column), change.apply(cells.get(index(column))));
      lines.set(row + 1, join(cells));
    }
    return this;
  }

  /** Removes {@code column} from the header and every row. */
  CsvEdit drop(String column) {
    int i = index(column);
    for (int line = 0; line < lines.size(); line++) {
      List<String> cells = split(lines.get(line));
      cells.remove(i);
      lines.set(line, join(cells));
    }
    return this;
  }

  /** Appends a copy of data row {@code row}. */
  CsvEdit duplicate(int row) {
    lines.add(lines.get(row + 1));
    return this;
  }

  /** Keeps the header only. */
  CsvEdit headerOnly() {
    lines.subList(1, lines.size()).clear();
    return this;
  }

  void write() throws IOException {
    Files.write(file, lines);
  }

  /** Cuts the file in the middle of a data row, as an interrupted copy does. */
  static void truncateMidRow(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int cut = bytes.length / 2;
    while (cut < bytes.length - 1 && bytes[cut] != ',') {
      cut++;
    }
    Files.write(file, java.util.Arrays.copyOf(bytes, cut + 1));
  }

  private int index(String column) {
    int i = header.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException(file + " has no column " + column + ": " + header);
    }
    return i;
  }

  private static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
        cell.append(ch);
      } else if (ch == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  private static String join(List<String> cells) {
    return String.join(",", cells);
  }
}
