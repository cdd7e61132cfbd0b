package org.optbench.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a Java main class in a child JVM under {@code strace -f -e trace=connect} and returns the
 * Internet (IPv4 and IPv6) connect calls of every thread of it. Works on every JDK, unlike a
 * security manager, which JDK 24 removed (JEP 486); Unix-domain sockets are left out: they never
 * leave the machine.
 */
public final class ConnectTrace {

  /** The tracer, Debian's {@code strace}. */
  public static final Path STRACE = Path.of("/usr/bin/strace");

  private static final Pattern INTERNET =
      Pattern.compile("connect\\(\\d+, \\{sa_family=AF_INET6?, [^}]*\\}");

  private ConnectTrace() {}

  /** Whether strace is installed and may trace a child here (ptrace can be forbidden). */
  public static boolean available(Path scratch) throws Exception {
    if (!Files.isExecutable(STRACE)) {
      return false;
    }
    Process p = new ProcessBuilder(STRACE.toString(), "-f", "-e", "trace=connect", "-o",
        scratch.resolve("probe.trace").toString(), "true").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  /** What a traced run did: its exit status, its output, and its Internet connect calls. */
  public record Result(int exit, String output, List<String> connects) {}

  /**
   * Runs {@code mainClass} with {@code args} on the test class path in {@code dir}, with DJL's
   * offline settings as every optbench process has them.
   */
  public static Result run(Path dir, String mainClass, String... args) throws Exception {
    Path trace = dir.resolve("connect.trace");
    Path output = dir.resolve("child.log");
    List<String> command = new ArrayList<>(List.of(STRACE.toString(), "-f", "-e", "trace=connect",
        "-o", trace.toString(),
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dai.djl.offline=true", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        mainClass));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().put("OPT_OUT_TRACKING", "true");
    Process child = builder.start();
    if (!child.waitFor(300, TimeUnit.SECONDS)) {
      child.destroyForcibly();
      throw new AssertionError("traced run did not end in 300 s: " + Files.readString(output));
    }
    List<String> connects = new ArrayList<>();
    Matcher m = INTERNET.matcher(Files.readString(trace));
    while (m.find()) {
      connects.add(m.group());
    }
    return new Result(child.exitValue(), Files.readString(output), connects);
  }
}
