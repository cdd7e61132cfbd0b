package org.optbench.io;

import java.nio.file.Path;

/**
 * A result folder, baseline or result file that cannot be trusted as it is: a missing or damaged
 * file, a wrong column type, a duplicated run. The message names the file, the field or row at
 * fault, and what would fix it; commands report it as bad input (exit 2) without a stack trace.
 */
public final class ResultSetException extends RuntimeException {

  private final Path file;

  /**
   * @param file the folder or file at fault
   * @param problem what is wrong there and how to fix it
   */
  public ResultSetException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  /** The folder or file at fault. */
  public Path file() {
    return file;
  }
}
