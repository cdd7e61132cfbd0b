package org.optbench.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.optbench.engine.djl.DjlVersions;
import org.optbench.metrics.RunEnvironment;

/** Describes the machine and software a result is produced with. */
public final class RunEnvironments {

  private RunEnvironments() {}

  /** The current environment; loads the PyTorch engine to learn its version. */
  public static RunEnvironment current(int threads) {
    return new RunEnvironment(
        BuildInfo.current().version(),
        BuildInfo.current().commit(),
        System.getProperty("java.version"),
        DjlVersions.djl(),
        DjlVersions.pytorch(),
        threads,
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"),
        cpuModel(),
        Runtime.getRuntime().availableProcessors());
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or /proc hidden: the architecture is still recorded in "os".
    }
    return "unknown";
  }
}
