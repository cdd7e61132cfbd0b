package org.optbench.build;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.optbench.testing.SearchPath;

/** Runs Maven on this repository's pom.xml, as a developer would on the command line. */
final class MavenBuild {

  /** What a Maven run printed on its standard output, and its exit status. */
  record Outcome(int exit, String output) {}

  private MavenBuild() {}

  /** {@code mvn} on the PATH, if there is one. */
  static Optional<Path> maven() {
    String name = System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
    return SearchPath.all(name).stream().findFirst();
  }

  /**
   * Starts {@code mvn -B -q -f pom.xml args} with {@code mavenOpts} as MAVEN_OPTS (the JVM
   * options of Maven itself, where {@code -Dos.name} makes it see another operating system).
   * Maven's build messages, errors included, go to its standard output; its standard error holds
   * only what the JVM says about Maven's own libraries (on JDK 24+, Guava's use of
   * {@code sun.misc.Unsafe}), so it goes to the test's log instead of into the outcome.
   */
  static Process start(Path maven, String mavenOpts, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(maven.toString(), "-B", "-q",
        "-Dstyle.color=never", "-f", "pom.xml"));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("MAVEN_OPTS", mavenOpts);
    return builder.start();
  }

  static Outcome finish(Process process) throws Exception {
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Maven did not finish in 120 s");
    }
    return new Outcome(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
