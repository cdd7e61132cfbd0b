package org.optbench.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a set of folders holds: every path below them with its size and modification time, so that
 * two snapshots differ exactly when a file was created, removed or changed.
 */
record FolderSnapshot(Map<String, String> entries) {

  static FolderSnapshot of(List<Path> roots) {
    Map<String, String> entries = new TreeMap<>();
    for (Path root : roots) {
      if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
        entries.put(root.toString(), describe(root));
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        walk.forEach(p -> entries.put(p.toString(), describe(p)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new FolderSnapshot(entries);
  }

  /** Paths added, removed or changed since {@code before}. */
  List<String> changedSince(FolderSnapshot before) {
    List<String> changed = new ArrayList<>();
    entries.forEach((path, state) -> {
      if (!state.equals(before.entries.get(path))) {
        changed.add(path);
      }
    });
    before.entries.keySet().stream().filter(p -> !entries.containsKey(p)).forEach(p -> changed.add(p + " (removed)"));
    return changed;
  }

  private static String describe(Path path) {
    try {
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        return "dir";
      }
      if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        return "special";
      }
      return Files.size(path) + "@" + Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toMillis();
    } catch (IOException e) {
      return "unreadable";
    }
  }
}
