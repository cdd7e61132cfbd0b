package org.optbench.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Inputs that are not plain files: named pipes and devices. */
final class SpecialFiles {

  private SpecialFiles() {}

  /**
   * A named pipe that nobody writes to: a reader that opens it without checking blocks forever.
   * Falls back to a folder of that name where {@code mkfifo} is missing (non-POSIX systems), which
   * is equally not a regular file.
   */
  static Path fifo(Path file) throws IOException {
    try {
      Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
      if (mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0) {
        return file;
      }
    } catch (IOException | InterruptedException noMkfifo) {
      if (noMkfifo instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
    return Files.createDirectories(file);
  }

  /** An endless device where the platform has it, else a folder (also not a regular file). */
  static Path device(String name, Path scratch) throws IOException {
    Path device = Path.of("/dev", name);
    return Files.exists(device) ? device : Files.createDirectories(scratch.resolve(name));
  }
}
