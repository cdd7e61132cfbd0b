package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A libtorch built for another machine, or none, is named with its fix before anything runs. */
class LibtorchPlatformTest {

  @TempDir Path dir;

  @Test
  void theBuildMachinesOwnLibtorchPasses() {
    assertEquals(Optional.empty(), LibtorchPlatform.problem());
  }

  @Test
  void anotherPlatformsJarNamesBothPlatformsAndTheFix() {
    String problem = LibtorchPlatform.problem(List.of("linux-x86_64"), "osx-aarch64").orElseThrow();
    assertTrue(problem.contains("built for linux-x86_64, but this machine is osx-aarch64"), problem);
    assertTrue(problem.contains("-Doptbench.platform=osx-aarch64"), problem);
    assertTrue(problem.contains("ai.djl.pytorch:pytorch-native-cpu:2.7.1:osx-aarch64"), problem);
  }

  @Test
  void noNativeJarNamesTheDependencyToAdd() {
    String problem = LibtorchPlatform.problem(List.of(), "win-x86_64").orElseThrow();
    assertTrue(problem.contains("no libtorch on the class path for this machine (win-x86_64)")
        && problem.contains("pytorch-native-cpu:2.7.1:win-x86_64"), problem);
  }

  @Test
  void oneMatchingJarAmongOthersPasses() {
    assertFalse(LibtorchPlatform.problem(List.of("linux-x86_64", "linux-aarch64"),
        "linux-aarch64").isPresent());
  }

  /**
   * {@code run} and {@code replay --engine djl} on a JVM that reports an ARM processor (os.arch,
   * which DJL reads) with the x86-64 jar: one message, exit 2, no results folder. Without the
   * check DJL fails deep in the engine with "Offline mode is enabled" and a stack trace.
   */
  @Test
  void runOnAMachineTheJarDoesNotFitExitsTwoWithNothingWritten() throws Exception {
    assumeTrue(LibtorchPlatform.machine().equals("linux-x86_64"),
        "the child JVM pretends an x86-64 Linux machine is an ARM one");
    Path spec = Files.writeString(dir.resolve("tiny.yaml"), """
        name: tiny
        description: one run
        workloads:
          - {model: mlp, hidden: [4], batch_size: 8, train_size: 32, eval_size: 8}
        steps: 2
        seeds: [1]
        grid:
          optimizer: [sgd]
        """);
    Path out = dir.resolve("results");
    assertRefusedOnArm("run", spec.toString(), "--out", out.toString(), "--no-progress");
    assertFalse(Files.exists(out), "nothing written");
    assertRefusedOnArm("replay", "--engine", "djl", "src/test/resources/golden/adam-default.json");
  }

  /** optbench's {@code args} on a JVM reporting an ARM processor: exit 2 and the one message. */
  private static void assertRefusedOnArm(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dos.arch=aarch64", "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true",
        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        "org.optbench.cli.Main"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(2, process.exitValue(), output);
    assertTrue(output.contains("error: the libtorch on the class path is built for linux-x86_64,"
        + " but this machine is linux-aarch64"), output);
    assertFalse(output.contains("\tat "), "no stack trace: " + output);
  }
}
