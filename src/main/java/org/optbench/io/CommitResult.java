package org.optbench.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a committed result set went.
 *
 * @param published the result set's folder, {@code results/<experiment>}
 * @param archivedPrevious where the result set that held that name before was moved, if any
 * @param kept files optbench did not write that were already in {@code published} and stay there
 *     (when an earlier result set was replaced in place)
 */
public record CommitResult(Path published, Optional<Path> archivedPrevious, List<Path> kept) {

  /** One line for the console, e.g. "results in results/x (earlier results moved to ...)". */
  public String describe() {
    return "results in "
        + published
        + archivedPrevious.map(p -> " (earlier results moved to " + p + ")").orElse("")
        + (kept.isEmpty() ? "" : " (kept files optbench did not write: "
            + kept.stream().map(Path::toString).collect(Collectors.joining(", ")) + ")");
  }
}
