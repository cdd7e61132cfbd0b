package org.optbench.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * Moves an existing result folder out of the way of a new one. Results are never deleted or
 * overwritten: the earlier folder is renamed to {@code <experiment>.<its start time>}, e.g. {@code
 * quickstart.20261121T143005Z}, with {@code -2}, {@code -3}, ... appended when that name is taken.
 */
final class ResultArchive {

  private ResultArchive() {}

  /**
   * Renames {@code target} aside if it exists (a folder, a file or a link: anything at that name).
   *
   * @return where it went, or empty if nothing was there
   */
  static Optional<Path> moveAside(Path target) throws IOException {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    String experiment = target.getFileName().toString();
    String base = ResultFiles.archiveName(experiment, startedOf(target));
    Path archive = target.resolveSibling(base);
    for (int suffix = 2; Files.exists(archive, LinkOption.NOFOLLOW_LINKS); suffix++) {
      archive = target.resolveSibling(base + "-" + suffix);
    }
    Files.move(target, archive, StandardCopyOption.ATOMIC_MOVE);
    return Optional.of(archive);
  }

  /**
   * The start time recorded in the folder's manifest; for a folder without a sound manifest (an
   * interrupted, damaged or hand-made one) its modification time, which still sorts it among the
   * others. Either way the folder is kept.
   */
  private static Instant startedOf(Path folder) throws IOException {
    if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
        && ResultSetCheck.present(folder.resolve(ResultFiles.MANIFEST))) {
      try {
        return ManifestJson.read(folder.resolve(ResultFiles.MANIFEST)).startedAt();
      } catch (ResultSetException damaged) {
        // fall through to the folder's own time
      }
    }
    return Files.getLastModifiedTime(folder, LinkOption.NOFOLLOW_LINKS).toInstant();
  }
}
