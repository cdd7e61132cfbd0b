package org.optbench.spec;

import java.nio.file.Path;

/**
 * A spec that cannot be run, located to the file, line and column of the offending value. The
 * message reads like a compiler's: {@code experiments/x.yaml:12:15: unknown optimizer 'adma';
 * known: adam, sgd}.
 */
public final class SpecException extends Exception {

  private final Path file;
  private final int line;
  private final int column;
  private final String problem;

  /**
   * @param file the spec file
   * @param line 1-based line, or 0 when the problem concerns the whole file
   * @param column 1-based column, or 0 when unknown
   * @param problem what is wrong and how to fix it
   */
  public SpecException(Path file, int line, int column, String problem) {
    super(locate(file, line, column) + problem);
    this.file = file;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  private static String locate(Path file, int line, int column) {
    if (line <= 0) {
      return file + ": ";
    }
    return file + ":" + line + ":" + column + ": ";
  }

  public Path file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The message without its location. */
  public String problem() {
    return problem;
  }
}
