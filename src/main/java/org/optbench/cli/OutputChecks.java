package org.optbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.optbench.io.OutputLocations;

/**
 * Output locations checked before a command trains or writes anything, so that a bad path is one
 * line and exit 2 with nothing written, not a stack trace after the work is done.
 */
final class OutputChecks {

  private OutputChecks() {}

  /** Fails unless optbench can write into folder {@code dir}, given as {@code option}. */
  static void folder(String option, Path dir) {
    OutputLocations.folderProblem(dir).ifPresent(problem -> {
      throw new UserInputException(option + " " + problem);
    });
  }

  /** Fails with {@code problem}, if there is one. */
  static void none(Optional<String> problem) {
    problem.ifPresent(p -> {
      throw new UserInputException(p);
    });
  }

  /** One console line for files optbench found and left alone, or empty when there are none. */
  static Optional<String> kept(List<Path> foreign) {
    if (foreign.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("kept " + foreign.size() + " file(s) optbench did not write: "
        + foreign.stream().map(Path::toString).collect(Collectors.joining(", ")));
  }
}
