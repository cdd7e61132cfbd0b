package org.optbench.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether optbench may write where it is asked to, decided before anything is written, and what
 * else a folder it writes into holds. Every check only looks: nothing is created.
 *
 * <p>Commands check every output location before they train or write anything, so a bad {@code
 * --out} costs nothing and leaves nothing behind; the library methods that write check again,
 * as a guard.
 */
public final class OutputLocations {

  private OutputLocations() {}

  /**
   * What stops optbench from writing files into folder {@code dir} (creating it and its missing
   * parents if need be), or empty when nothing does. The message names the path at fault and what
   * to do.
   */
  public static Optional<String> folderProblem(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    if (Files.exists(absolute)) {
      if (!Files.isDirectory(absolute)) {
        return Optional.of(dir + " exists and is not a folder; pass a folder, or a path where one"
            + " can be created");
      }
      if (!Files.isWritable(absolute)) {
        return Optional.of(dir + " is not writable; pass a folder you can write to");
      }
      return Optional.empty();
    }
    if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of(dir + " is a link to nothing; remove the link or pass another folder");
    }
    Path parent = absolute.getParent();
    while (parent != null && !Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
      parent = parent.getParent();
    }
    if (parent == null) {
      return Optional.of(dir + " cannot be created: no part of its path exists");
    }
    if (!Files.isDirectory(parent)) {
      return Optional.of(dir + " cannot be created: " + parent + " is a file, not a folder;"
          + " pass another path");
    }
    if (!Files.isWritable(parent)) {
      return Optional.of(dir + " cannot be created: " + parent + " is not writable; pass a"
          + " folder you can write to");
    }
    return Optional.empty();
  }

  /**
   * What stops optbench from replacing or creating the file {@code file} (in a folder that {@link
   * #folderProblem} accepts): something other than a file at that name.
   */
  public static Optional<String> fileProblem(Path file) {
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file)) {
      return Optional.of(file + " is in the way: optbench writes a file of that name there;"
          + " move it or choose another folder");
    }
    return Optional.empty();
  }

  /**
   * The entries of {@code dir} that optbench did not write: every name not in {@code own}, and not
   * one of optbench's temporary files. Sorted; empty when {@code dir} is absent.
   */
  public static List<Path> foreignEntries(Path dir, Set<String> own) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(p -> !own.contains(p.getFileName().toString()))
          .filter(p -> AtomicFiles.ownerOfTemp(p.getFileName().toString()).isEmpty())
          .sorted()
          .toList();
    }
  }
}
