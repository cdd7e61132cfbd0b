package org.optbench.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a user can do about a damaged file, by the kind of folder it is in; every {@link
 * ResultSetException} of this package ends with one.
 */
final class Remedies {

  static final String RESULT_SET =
      "restore the folder from a copy, or rerun the experiment (optbench run SPEC)";
  static final String BASELINE =
      "restore the baseline from version control (git checkout -- FOLDER), or write it again"
          + " (optbench baseline update RESULTS_DIR)";

  private Remedies() {}

  /** The remedy for a file in {@code dir}: a baseline has a targets file, a result set not. */
  static String forFolder(Path dir) {
    return Files.exists(dir.resolve(TargetsTable.FILE)) ? BASELINE : RESULT_SET;
  }

  /** The remedy for a damaged run in the cell store: drop it so that it is trained again. */
  static String forStoredRun(Path keyFile) {
    return "delete " + keyFile + " so that the next run trains that cell again";
  }
}
