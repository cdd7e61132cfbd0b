package org.optbench.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec path that is not a small regular file is refused before it is opened or read: a named
 * pipe would block the read, a device never end, and a large file cost the parser hundreds of
 * times its size in memory.
 */
class SpecFileTest {

  private static final String NOT_A_FILE = "not a regular file (a pipe, socket or device); give"
      + " the path of a YAML spec such as experiments/quickstart.yaml";

  @TempDir Path dir;

  // A separate thread, so that a regression fails the test instead of blocking the suite.
  @Test
  @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aNamedPipeIsRefusedWithoutWaitingForAWriter() throws Exception {
    Path fifo = dir.resolve("spec.yaml");
    int made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    Assumptions.assumeTrue(made == 0, "mkfifo unavailable");

    SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(fifo));

    assertEquals(fifo + ": " + NOT_A_FILE, e.getMessage());
  }

  @Test
  @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void anEndlessDeviceIsRefusedWithoutReadingIt() {
    Path zero = Path.of("/dev/zero");
    Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");

    SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(zero));

    assertEquals("/dev/zero: " + NOT_A_FILE, e.getMessage());
  }

  @Test
  @Timeout(5)
  void aSpecOverOneMebibyteIsRefusedBeforeParsing() throws Exception {
    Path big = dir.resolve("big.yaml");
    // 4 MiB of comment, valid YAML, so only the size can refuse it: 9 + 4,194,304 + 1 bytes.
    Files.writeString(big, "name: t\n#" + "x".repeat(4 << 20) + "\n");

    SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(big));

    assertEquals(big + ": the spec is 4194314 bytes, more than the 1 MiB (1048576 bytes) a spec"
        + " may have; a spec describes a grid, not data: keep data in files that a workload"
        + " names (data_dir, corpus)", e.getMessage());
  }

  @Test
  void oneByteOverTheCapIsEnough() throws Exception {
    Path file = dir.resolve("over.yaml");
    Files.writeString(file, "name: t\n#" + "x".repeat(SpecText.MAX_BYTES - 9) + "\n");

    SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(file));

    assertTrue(e.problem().startsWith("the spec is 1048577 bytes, more than the 1 MiB"),
        e.problem());
  }

  @Test
  void aSpecTextOverTheCapIsRefusedToo() {
    // Spec texts also come from manifests, not only from files.
    String text = "name: t\n#" + "x".repeat(SpecText.MAX_BYTES);

    SpecException e = assertThrows(SpecException.class,
        () -> SpecParser.parse(Path.of("manifest"), text));

    assertEquals(0, e.line());
    assertEquals("the spec is 1048585 characters, more than the 1 MiB (1048576 bytes) a spec may"
        + " have; a spec describes a grid, not data: keep data in files that a workload names"
        + " (data_dir, corpus)", e.problem());
  }
}
