package org.optbench.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;

/**
 * Splits RFC 4180 CSV text into rows of fields: a field may be quoted, and then holds commas, line
 * breaks and doubled quotes ({@code ""}); a quote inside an unquoted field is kept as text (that is
 * how Tablesaw writes a value such as {@code q"x}). Blank lines are skipped. Problems a damaged
 * file shows (a quote never closed, text after a closing quote, a giant field) are reported with
 * the line they occur on.
 */
final class CsvTokenizer {

  private static final int EOF = -1;

  private final Reader in;
  private final Path file;
  private final String fix;
  private final char[] buf = new char[1 << 16];
  private final StringBuilder field = new StringBuilder();
  private int pos;
  private int limit;
  private int line = 1;
  private int rowLine;

  /**
   * @param in the text, buffered by the tokenizer itself
   * @param file the file it comes from, for messages
   * @param fix what the user can do about a damaged file
   */
  CsvTokenizer(Reader in, Path file, String fix) {
    this.in = in;
    this.file = file;
    this.fix = fix;
  }

  /** The line the row last returned by {@link #next} starts on (1-based). */
  int rowLine() {
    return rowLine;
  }

  /**
   * Reads the next row's fields into {@code fields}, which is cleared first.
   *
   * @return false at the end of the text
   */
  boolean next(List<String> fields) throws IOException {
    fields.clear();
    int c = peek();
    while (c == '\n' || c == '\r') {
      read();
      c = peek();
    }
    if (c == EOF) {
      return false;
    }
    rowLine = line;
    while (true) {
      field.setLength(0);
      c = read();
      if (c == '"') {
        c = quoted();
      } else {
        while (c != EOF && c != ',' && c != '\n' && c != '\r') {
          append(c);
          c = read();
        }
      }
      fields.add(field.toString());
      if (c != ',') {
        if (c == '\r' && peek() == '\n') {
          read();
        }
        return true;
      }
    }
  }

  /** Reads a quoted field after its opening quote; returns the character after it. */
  private int quoted() throws IOException {
    int opened = line;
    while (true) {
      int c = read();
      if (c == EOF) {
        throw new ResultSetException(
            file, "line " + opened + ": a quoted field is never closed (the file was cut short); "
                + fix);
      }
      if (c == '"') {
        if (peek() != '"') {
          break;
        }
        read();
      }
      append(c);
    }
    int after = read();
    if (after != EOF && after != ',' && after != '\n' && after != '\r') {
      throw new ResultSetException(
          file, "line " + line + ": text after the closing quote of a field; " + fix);
    }
    return after;
  }

  private void append(int c) {
    if (field.length() >= ReadLimits.CELL_CHARS) {
      throw new ResultSetException(
          file, "line " + rowLine + ": a field longer than " + ReadLimits.CELL_CHARS
              + " characters; " + fix);
    }
    field.append((char) c);
  }

  private int peek() throws IOException {
    if (pos == limit && !fill()) {
      return EOF;
    }
    return buf[pos];
  }

  private int read() throws IOException {
    if (pos == limit && !fill()) {
      return EOF;
    }
    char c = buf[pos++];
    if (c == '\n') {
      line++;
    }
    return c;
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }
}
