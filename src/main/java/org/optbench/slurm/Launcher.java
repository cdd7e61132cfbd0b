package org.optbench.slurm;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a job starts optbench: by default the Java binary and class path of the JVM that writes the
 * scripts (the cluster's compute nodes see the same shared file system as the login node), with
 * DJL kept offline before any engine class loads (DESIGN.md: without these DJL's engine start
 * calls a cloud metadata address).
 */
public final class Launcher {

  /** The class every launcher ends with, unless the user gives a whole command of their own. */
  public static final String MAIN_CLASS = "org.optbench.cli.Main";

  private Launcher() {}

  /** The running JVM as a bash command prefix: java, offline properties, class path, main class. */
  public static String currentJvm() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = absoluteClassPath(System.getProperty("java.class.path"));
    return ShellWords.join(List.of(java, "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true",
        "-cp", classPath, MAIN_CLASS));
  }

  /**
   * Every entry of {@code classPath} made absolute, since a job may start in another folder
   * ({@code java -jar target/optbench.jar} reports the relative {@code target/optbench.jar}).
   */
  static String absoluteClassPath(String classPath) {
    List<String> entries = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
      }
    }
    return entries.stream().collect(Collectors.joining(File.pathSeparator));
  }
}
