package org.optbench.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.optbench.engine.djl.DjlVersions;
import org.optbench.metrics.RunEnvironment;

/** Describes the machine and software a result is produced with. */
public final class RunEnvironments {

  private RunEnvironments() {}

  /** The current environment; loads the PyTorch engine to learn its version. */
  public static RunEnvironment current(int threads) {
    return new RunEnvironment(
        optbenchVersion(),
        gitCommit(),
        System.getProperty("java.version"),
        DjlVersions.djl(),
        DjlVersions.pytorch(),
        threads,
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"),
        cpuModel(),
        Runtime.getRuntime().availableProcessors());
  }

  /** The version in the jar's manifest, or "dev" when running from classes. */
  public static String optbenchVersion() {
    String version = RunEnvironments.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /**
   * The commit of the working directory's git checkout, with "-dirty" when it has uncommitted
   * changes, or "unknown" outside a checkout. Runs the local git binary only: no network.
   */
  static String gitCommit() {
    String head = git("rev-parse", "HEAD");
    if (head == null) {
      return "unknown";
    }
    String status = git("status", "--porcelain", "--untracked-files=no");
    return status == null || status.isEmpty() ? head : head + "-dirty";
  }

  private static String git(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "git";
    System.arraycopy(args, 0, command, 1, args.length);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return null;
      }
      return output.strip();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
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
