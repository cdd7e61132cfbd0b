package org.optbench.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium (Debian's {@code chromium}; {@code .ci/run} installs it) for report checks:
 * networking features off, a fresh profile per call, plotly given time to draw.
 */
public final class Chromium {

  public static final Path PATH = Path.of("/usr/bin/chromium");

  private Chromium() {}

  public static boolean available() {
    return Files.isExecutable(PATH);
  }

  /** Runs Chromium with {@code args} after the standard flags; returns its standard output. */
  public static String run(Path scratch, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        PATH.toString(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--run-all-compositor-stages-before-draw",
        "--virtual-time-budget=30000",
        "--user-data-dir=" + Files.createTempDirectory(scratch, "profile")));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command)
        .redirectError(scratch.resolve("chromium.err").toFile())
        .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
    assertEquals(0, p.exitValue(), "chromium exit status");
    return new String(out, StandardCharsets.UTF_8);
  }
}
