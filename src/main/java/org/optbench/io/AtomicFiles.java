package org.optbench.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader sees either the old content or the complete new content, never a
 * truncated file: the writer fills a temporary file in the target's directory (same file system, so
 * the final rename is atomic), the data is forced to disk, then the temporary file replaces the
 * target in one rename.
 *
 * <p>Temporary files are named {@code .<target name>.<pid>-<random hex>.tmp}: hidden, never taken
 * for a result file, and carrying the writer's process id, so that one left by a killed process
 * can be recognised as stale once that process is gone.
 */
public final class AtomicFiles {

  private static final Pattern TEMP = Pattern.compile("\\..+\\.(\\d+)-[0-9a-f]+\\.tmp");

  private AtomicFiles() {}

  /**
   * Writes {@code target} through {@code writer}, which receives the temporary path to fill.
   *
   * @throws IOException from the writer or the file system; the temporary file is then removed and
   *     an existing {@code target} is left as it was
   */
  public static void write(Path target, IoConsumer<Path> writer) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = createTemp(dir, target.getFileName().toString());
    try {
      writer.accept(temp);
      force(temp);
      PublishPause.beforeReplacing(target);
      move(temp, target);
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    forceDirectory(dir);
  }

  /**
   * Writes several files so that none of them changes unless all of them could be written: every
   * temporary file is filled and forced first, then each replaces its target in one rename.
   *
   * @param writers each target with the writer that fills its temporary file, in rename order
   * @throws IOException from a writer or the file system; before the renames, every temporary
   *     file is removed and every target is left as it was
   */
  public static void writeAll(Map<Path, IoConsumer<Path>> writers) throws IOException {
    List<Path[]> prepared = new ArrayList<>();
    try {
      for (var entry : writers.entrySet()) {
        Path target = entry.getKey();
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = createTemp(dir, target.getFileName().toString());
        prepared.add(new Path[] {temp, target});
        entry.getValue().accept(temp);
        force(temp);
      }
    } catch (IOException | RuntimeException | Error e) {
      for (Path[] pair : prepared) {
        Files.deleteIfExists(pair[0]);
      }
      throw e;
    }
    Set<Path> dirs = new LinkedHashSet<>();
    for (Path[] pair : prepared) {
      move(pair[0], pair[1]);
      dirs.add(pair[1].toAbsolutePath().getParent());
    }
    // One force per folder makes all its renames durable (fsync of a directory covers every
    // entry changed in it); a fsync costs milliseconds, several per run add up over a grid.
    for (Path dir : dirs) {
      forceDirectory(dir);
    }
  }

  /**
   * The process id in the name of a temporary file of this class, or empty when {@code fileName}
   * is not one.
   */
  public static OptionalLong ownerOfTemp(String fileName) {
    Matcher m = TEMP.matcher(fileName);
    if (!m.matches()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(m.group(1)));
    } catch (NumberFormatException tooLong) {
      return OptionalLong.empty();
    }
  }

  /** Writes a UTF-8 text file atomically. */
  public static void writeString(Path target, String text) throws IOException {
    write(target, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
  }

  /**
   * Creates an empty temporary file beside the target, named as the class comment says. Unlike {@code Files.createTempFile},
   * which makes files readable by their owner only, this one gets the default permissions (umask),
   * which the target inherits through the rename.
   */
  private static Path createTemp(Path dir, String name) throws IOException {
    long pid = ProcessHandle.current().pid();
    while (true) {
      String suffix = pid + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
      try {
        return Files.createFile(dir.resolve("." + name + "." + suffix + ".tmp"));
      } catch (FileAlreadyExistsException taken) {
        // another writer drew the same suffix; draw again
      }
    }
  }

  private static void move(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "cannot replace " + target + " atomically on this file system: " + e.getMessage(), e);
    }
  }

  /** Flushes the file's content to the device, so the rename never publishes unwritten data. */
  private static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /**
   * Flushes the directory entry of the rename. Linux allows opening a directory for reading and
   * forcing it; other platforms refuse, and there the rename's durability is the OS's affair.
   */
  static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort, see above
    }
  }
}
