package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Dockerfile's engine stage unpacks libtorch at build time, and the image's pods then run
 * with that cache read-only. This replays both steps in child JVMs without a container engine: the
 * engine stage's own optbench command line with DJL_CACHE_DIR and ENGINE_CACHE_DIR set to an empty
 * folder, the stage's chmod, and a second JVM with the same environment, which must compute on the
 * engine and leave the cache exactly as it was (no file added, changed or touched).
 *
 * <p>Run as root, file permissions do not stop a write; the unchanged cache is what shows that DJL
 * wrote nothing. docs/containers.md records the same check run as an unprivileged user. Tagged
 * slow (it unpacks 430 MB): the integration profile runs it.
 */
@Tag("slow")
class EngineCacheUnpackTest {

  private static final String GOLDEN_CASE = "src/test/resources/golden/adam-default.json";

  @TempDir Path dir;

  private Path cache;

  @AfterEach
  void makeRemovable() throws IOException {
    if (cache != null && Files.exists(cache)) {
      try (Stream<Path> all = Files.walk(cache)) {
        for (Path p : all.toList()) {
          p.toFile().setWritable(true, true);
        }
      }
    }
  }

  /** The engine stage's optbench arguments, its outputs moved under {@code out}. */
  private static List<String> unpackArguments(Path out) throws IOException {
    String unpack = DockerfileStages.read().stage("engine").arguments("RUN").get(0);
    List<String> args = ShellCommands.optbenchArguments(unpack, Map.of()).get(0);
    return args.stream().map(a -> a.startsWith("/tmp/") ? out.resolve(a.substring(5)).toString() : a).toList();
  }

  private int optbench(List<String> args, Path log) throws IOException, InterruptedException {
    // C1 only and the serial collector: these JVMs live seconds, and what they are checked for
    // (where DJL reads and writes its cache) does not depend on either.
    List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("DJL_CACHE_DIR", cache.toString());
    builder.environment().put("ENGINE_CACHE_DIR", cache.toString());
    builder.environment().put("OPT_OUT_TRACKING", "true");
    long start = System.nanoTime();
    int exit = builder.start().waitFor();
    System.out.printf("%s: exit %d in %.1f s; %s%n", log.getFileName(), exit, (System.nanoTime() - start) / 1e9,
        Files.readAllLines(log).stream().filter(l -> l.matches("\\d+ runs in .*")).findFirst().orElse(""));
    return exit;
  }

  /** Every path in the cache with its permissions, size and modification time. */
  private Map<String, String> snapshot() throws IOException {
    try (Stream<Path> all = Files.walk(cache)) {
      return all.collect(Collectors.toMap(p -> cache.relativize(p).toString(), p -> {
        try {
          return PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) + " " + Files.size(p)
              + " " + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }));
    }
  }

  /** {@code chmod -R a+rX,a-w}: readable by all, folders enterable, writable by nobody. */
  private void chmodReadOnly() throws IOException {
    try (Stream<Path> all = Files.walk(cache)) {
      for (Path p : all.toList()) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
            Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--"));
      }
    }
  }

  @Test
  void theBuildStepUnpacksLibtorchAndAnEngineLoadAfterwardsLeavesTheReadOnlyCacheAsItIs() throws Exception {
    cache = dir.resolve("djl-cache");
    assertEquals(0, optbench(unpackArguments(dir.resolve("build")), dir.resolve("unpack.log")),
        Files.readString(dir.resolve("unpack.log")));
    Map<String, String> unpacked = snapshot();
    // ai.djl.pytorch.jni.LibUtils extracts into pytorch/<libtorch version>-<flavor>-<os>-<arch>/.
    assertTrue(unpacked.keySet().stream().anyMatch(p -> p.matches("pytorch/[^/]+/libtorch_cpu\\.so")),
        unpacked.toString());
    chmodReadOnly();
    Map<String, String> readOnly = snapshot();

    // A fresh JVM loads the engine from the read-only cache and steps Adam on libtorch, checked
    // against torch.optim's values (src/test/resources/golden, docs/optimizers.md). A replay
    // rather than a second `run`: the same engine load at a third of the time; docs/containers.md
    // records a full `run` against such a cache.
    Path log = dir.resolve("replay.log");
    assertEquals(0, optbench(List.of("replay", "--engine", "djl", "--check", GOLDEN_CASE), log),
        Files.readString(log));
    assertTrue(Files.readString(log).contains("adam-default.json: max abs error"), Files.readString(log));
    assertEquals(readOnly, snapshot(), "loading the engine changed its cache");
  }
}
