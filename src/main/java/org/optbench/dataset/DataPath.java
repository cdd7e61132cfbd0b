package org.optbench.dataset;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** A path a spec field gives for data (a corpus file, an image folder). */
public final class DataPath {

  private DataPath() {}

  /**
   * {@code text} as a path.
   *
   * @param field the spec field that gave it, named in the error message
   * @throws DatasetUnavailableException when no file system path can be spelt that way (a NUL
   *     character, for instance)
   */
  public static Path of(String text, String field) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new DatasetUnavailableException("the workload's '" + field + "' is not a valid path ("
          + e.getReason() + "); write a plain file or folder path");
    }
  }
}
