package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Native memory stays flat over a long run: per-step arrays are freed when their step ends. The
 * probe runs in a child JVM with a fixed, pre-touched 160 MB heap: in a default JVM, RSS also
 * climbs by ~200 MB while the young generation touches its pages for the first time, which says
 * nothing about libtorch memory.
 */
class NativeMemoryTest {

  private static final Pattern RESULT = Pattern.compile("rss500=(\\d+) rss5000=(\\d+)");

  @Test
  void residentMemoryGrowsLessThanTenPercentFromStep500ToStep5000() throws Exception {
    double growth = probeGrowth(false);
    System.out.printf("RSS growth from step 500 to 5000: %.2f%%%n", 100 * growth);
    assertTrue(growth < 0.10, String.format("RSS grew %.1f%% after step 500", 100 * growth));
  }

  @Test
  void aPlantedLeakOfFourKilobytesPerStepIsCaught() throws Exception {
    // 4,500 steps × 4 KB ≈ 18 MB of leaked tensors plus their handles: growth the check must see.
    double withLeak = probeGrowth(true);
    double clean = probeGrowth(false);
    System.out.printf("growth with leak %.2f%%, without %.2f%%%n", 100 * withLeak, 100 * clean);
    assertTrue(withLeak > clean + 0.03, "a planted leak must show as extra RSS growth");
  }

  private static double probeGrowth(boolean leak) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        System.getProperty("java.home") + "/bin/java",
        "-Xms160m", "-Xmx160m", "-XX:+AlwaysPreTouch", "-XX:MaxDirectMemorySize=64m",
        "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-Dai.djl.pytorch.num_threads=1",
        "-cp", System.getProperty("java.class.path"),
        MemoryProbe.class.getName()));
    if (leak) {
      command.add("--leak");
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    Matcher matcher = RESULT.matcher(output);
    assertTrue(exit == 0 && matcher.find(), "probe failed: " + output);
    double rss500 = Double.parseDouble(matcher.group(1));
    double rss5000 = Double.parseDouble(matcher.group(2));
    System.out.printf("probe%s: RSS %.1f MB at step 500, %.1f MB at step 5000%n",
        leak ? " (leak)" : "", rss500 / 1e6, rss5000 / 1e6);
    return (rss5000 - rss500) / rss500;
  }
}
