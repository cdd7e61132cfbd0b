package org.optbench.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * Names inside a results root: the three files of a result set, the hidden staging folders that
 * {@link ResultSetWriter} builds in, and the folders earlier result sets are moved aside to.
 *
 * <pre>
 * results/
 *   quickstart/                          the current result set (steps.csv, runs.csv, manifest.json)
 *   quickstart.20261121T143005Z/         an earlier one, named by its start time
 *   .quickstart.partial-4242-91230912/   being written (hidden; never read as a result set)
 * </pre>
 */
public final class ResultFiles {

  public static final String STEPS = "steps.csv";
  public static final String RUNS = "runs.csv";
  public static final String MANIFEST = "manifest.json";

  /** Marks staging folders; {@code .gitignore} ignores {@code *.partial*}. */
  static final String PARTIAL = ".partial-";

  private static final DateTimeFormatter COMPACT_UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private ResultFiles() {}

  /**
   * Rejects names that are not a single, visible path element. A leading dot is refused so that an
   * experiment can never be mistaken for a staging folder (which always starts with one).
   */
  public static String checkExperimentName(String experiment) {
    if (experiment == null
        || experiment.isBlank()
        || experiment.startsWith(".")
        || experiment.contains("/")
        || experiment.contains("\\")
        || experiment.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "experiment name '"
              + experiment
              + "' cannot name a results folder:"
              + " use letters, digits, '_', '-' and no leading '.'");
    }
    return experiment;
  }

  /** A fresh staging folder name for {@code experiment}, unique per process and call. */
  static String stagingName(String experiment) {
    return "." + experiment + PARTIAL + ProcessHandle.current().pid() + "-" + System.nanoTime();
  }

  /** Whether {@code dir} is a staging folder (complete or left by a crash), not a result set. */
  public static boolean isStaging(Path dir) {
    String name = dir.getFileName().toString();
    return name.startsWith(".") && name.contains(PARTIAL);
  }

  /** The folder name an earlier result set started at {@code started} is moved to. */
  static String archiveName(String experiment, Instant started) {
    return experiment + "." + COMPACT_UTC.format(started);
  }

  /**
   * The result sets directly under {@code root}: visible folders holding a manifest, sorted by
   * name. Staging folders and folders without a manifest are left out.
   */
  public static List<Path> list(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(root)) {
      return children
          .filter(Files::isDirectory)
          .filter(dir -> !dir.getFileName().toString().startsWith("."))
          .filter(dir -> Files.isRegularFile(dir.resolve(MANIFEST)))
          .sorted()
          .toList();
    }
  }
}
