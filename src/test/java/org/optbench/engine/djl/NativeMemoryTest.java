package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Native memory stays flat over long runs: per-step arrays are freed when their step ends. Each
 * probe runs in a child JVM with a fixed, pre-touched 160 MB heap: in a default JVM, RSS also
 * climbs by ~200 MB while the young generation touches its pages for the first time, which says
 * nothing about libtorch memory. Bounds: growth under 5% from step 5,000 to 10,000 on the
 * engine-side optimizer (djl) and on the native one (as sensitive as the earlier 10% over steps
 * 1,000–10,000: about 4 KB leaked per step), and under 15% from step 500 to 5,000 on djl.
 */
class NativeMemoryTest {

  private static final Pattern RESULT =
      Pattern.compile("rss500=(\\d+) rss1000=(\\d+) rss5000=(\\d+) rss10000=(\\d+)");

  @ParameterizedTest
  @ValueSource(strings = {"djl", "native"})
  void residentMemoryIsFlatOverTheSecondHalfOfTenThousandSteps(String engine) throws Exception {
    long[] rss = probe(engine, 10_000, false);
    double early = growth(rss[0], rss[2]);
    double late = growth(rss[2], rss[3]);
    System.out.printf("%s: RSS growth step 500→5,000 %.2f%%, step 5,000→10,000 %.2f%%%n",
        engine, 100 * early, 100 * late);
    if (engine.equals("djl")) {
      // The engine-side optimizers keep their scratch arrays and constant tensors for the whole
      // run, so the allocator's heap reaches its working set later than when every step allocated
      // afresh: measured +5% to +11% from step 500 to 5,000, then flat or falling to step 10,000.
      // A leak still shows: the planted 64 KB/step one adds +83% over the same window (below).
      // The native engine's RSS settles later still (+6% to +17% by step 5,000, then flat), so
      // only the late bound applies to it: what grows is C2's compilation memory (about 26 MB of
      // "Arena Chunk" in -XX:NativeMemoryTracking=summary; flat with -XX:TieredStopAtLevel=1).
      assertTrue(early < 0.15, String.format("RSS grew %.1f%% from step 500 to 5,000", 100 * early));
    }
    assertTrue(late < 0.05, String.format("RSS grew %.1f%% from step 5,000 to 10,000", 100 * late));
  }

  @Test
  void aPlantedLeakOfSixtyFourKilobytesPerStepIsCaught() throws Exception {
    // 4,500 steps × 64 KB ≈ 290 MB of leaked tensors: far beyond the 10% bound, and far beyond
    // the few percent by which clean runs differ on a busy machine.
    long[] withLeak = probe("djl", 5_000, true);
    long[] clean = probe("djl", 5_000, false);
    double leakGrowth = growth(withLeak[0], withLeak[2]);
    double cleanGrowth = growth(clean[0], clean[2]);
    System.out.printf("growth with leak %.2f%%, without %.2f%%%n", 100 * leakGrowth, 100 * cleanGrowth);
    assertTrue(leakGrowth > 0.10, "the planted leak must break the 10% bound");
    assertTrue(leakGrowth > cleanGrowth + 0.3, "a planted leak must show as extra RSS growth");
  }

  private static double growth(long from, long to) {
    return (double) (to - from) / from;
  }

  private static long[] probe(String engine, int steps, boolean leak)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        System.getProperty("java.home") + "/bin/java",
        "-Xms160m", "-Xmx160m", "-XX:+AlwaysPreTouch", "-XX:MaxDirectMemorySize=64m",
        "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-Dai.djl.pytorch.num_threads=1",
        "-cp", System.getProperty("java.class.path"),
        MemoryProbe.class.getName(), engine, Integer.toString(steps)));
    if (leak) {
      command.add("--leak");
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    Matcher matcher = RESULT.matcher(output);
    assertTrue(exit == 0 && matcher.find(), "probe failed: " + output);
    long[] rss = new long[4];
    for (int i = 0; i < 4; i++) {
      rss[i] = Long.parseLong(matcher.group(i + 1));
    }
    System.out.printf("probe %s %d steps%s: RSS MB at 500/1,000/5,000/10,000: %.1f %.1f %.1f %.1f%n",
        engine, steps, leak ? " (leak)" : "", rss[0] / 1e6, rss[1] / 1e6, rss[2] / 1e6, rss[3] / 1e6);
    return rss;
  }
}
