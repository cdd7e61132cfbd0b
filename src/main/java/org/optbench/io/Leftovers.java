package org.optbench.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Removes what optbench processes of one experiment left behind when they were killed mid-work:
 *
 * <pre>
 * results/.&lt;experiment&gt;.partial-&lt;pid&gt;-&lt;nanos&gt;/      a staging folder (whole)
 * results/.&lt;experiment&gt;.cells/worker-&lt;pid&gt;-&lt;nanos&gt;.yaml  a spec copy for worker processes
 * .&lt;file&gt;.&lt;pid&gt;-&lt;hex&gt;.tmp                               a temporary file of {@link AtomicFiles}, in
 *     the work folder, the result folder or the report folders
 * </pre>
 *
 * <p>Only what is provably stale is removed: the name must match one of these patterns exactly,
 * and the process whose id it carries must be gone. The caller holds the experiment's {@link
 * WorkLock}, so no other run of the experiment is writing there either. Anything else, whatever
 * its name, is never touched. Process ids are this machine's: on a results folder shared between
 * machines, a file of a live process elsewhere could look stale; the lock, where the file system
 * supports it, still keeps two runs of one experiment apart.
 */
public final class Leftovers {

  private Leftovers() {}

  /**
   * Removes the leftovers of {@code experiment} in {@code resultsRoot} and its temporary files in
   * {@code reportFolders}.
   *
   * @return what was removed
   */
  public static List<Path> remove(Path resultsRoot, String experiment, List<Path> reportFolders)
      throws IOException {
    List<Path> removed = new ArrayList<>();
    for (Path entry : list(resultsRoot)) {
      OptionalLong owner = ResultFiles.ownerOfStaging(entry.getFileName().toString(), experiment);
      if (gone(owner) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        ResultSetWriter.deleteTree(entry);
        removed.add(entry);
      }
    }
    Path work = CellStore.folder(resultsRoot, experiment);
    for (Path entry : list(work)) {
      if (gone(CellStore.ownerOfSpecCopy(entry.getFileName().toString()))) {
        removeFile(entry, removed);
      }
    }
    List<Path> tempFolders = new ArrayList<>(
        List.of(work, work.resolve(CellStore.PARTS), resultsRoot.resolve(experiment)));
    tempFolders.addAll(reportFolders);
    for (Path folder : tempFolders) {
      for (Path entry : list(folder)) {
        if (gone(AtomicFiles.ownerOfTemp(entry.getFileName().toString()))) {
          removeFile(entry, removed);
        }
      }
    }
    return removed;
  }

  /** Whether {@code owner} names a process that no longer runs; false for no owner at all. */
  private static boolean gone(OptionalLong owner) {
    if (owner.isEmpty() || owner.getAsLong() == ProcessHandle.current().pid()) {
      return false;
    }
    return ProcessHandle.of(owner.getAsLong()).map(p -> !p.isAlive()).orElse(true);
  }

  private static void removeFile(Path file, List<Path> removed) throws IOException {
    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(file);
      removed.add(file);
    }
  }

  private static List<Path> list(Path folder) throws IOException {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.sorted().toList();
    }
  }
}
