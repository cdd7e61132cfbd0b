package org.optbench.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's resident set size, which counts native (libtorch) memory the JVM cannot see. */
public final class ResidentMemory {

  private ResidentMemory() {}

  /** VmRSS from /proc/self/status in bytes, or -1 where /proc is unavailable. */
  public static long bytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          String kilobytes = line.substring(6).strip().split("\\s+")[0];
          return Long.parseLong(kilobytes) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
