package org.optbench.io;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a committed result set went.
 *
 * @param published the result set's folder, {@code results/<experiment>}
 * @param archivedPrevious where the result set that held that name before was moved, if any
 */
public record CommitResult(Path published, Optional<Path> archivedPrevious) {

  /** One line for the console, e.g. "results in results/x (earlier results moved to ...)". */
  public String describe() {
    return "results in "
        + published
        + archivedPrevious.map(p -> " (earlier results moved to " + p + ")").orElse("");
  }
}
