package org.optbench.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on an experiment's work folder ({@code results/.<experiment>.cells/lock}),
 * taken by {@code run} for as long as it runs the experiment. Holding it proves that no other
 * optbench {@code run} of that experiment is under way in that results root, which is what makes
 * removing the leftovers of earlier, killed runs safe ({@link Leftovers}). The operating system
 * releases the lock when its process ends, however it ends, so a killed run never leaves it taken.
 *
 * <p>Not being able to take it is no error: runs of one experiment may still share a work folder
 * (each then leaves the leftovers alone).
 */
public final class WorkLock implements AutoCloseable {

  static final String FILE = "lock";

  private final FileChannel channel;

  private WorkLock(FileChannel channel) {
    this.channel = channel;
  }

  /** Takes the lock of {@code workFolder} if no other process (or caller in this one) holds it. */
  public static WorkLock tryAcquire(Path workFolder) throws IOException {
    FileChannel channel = FileChannel.open(
        workFolder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException | IOException heldOrUnsupported) {
      // Held in this JVM, or a file system without locks: either way nothing is proved.
      lock = null;
    }
    if (lock == null) {
      channel.close();
      return new WorkLock(null);
    }
    return new WorkLock(channel);
  }

  /** Whether this process holds the lock. */
  public boolean held() {
    return channel != null;
  }

  /** Releases the lock. */
  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}
