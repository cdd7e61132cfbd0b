package org.optbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.optbench.metrics.StepRecord;

/** Progress lines for logs: one per interval, counts, elapsed time and a linear estimate. */
class ProgressLinesTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void oneLinePerIntervalWithTheStepsLeftAtTheRateSoFar() {
    AtomicLong now = new AtomicLong(100 * SECOND);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    ProgressLines lines = new ProgressLines("grid", 2, 200, Duration.ofSeconds(10), out, now::get);
    now.addAndGet(5 * SECOND);
    lines.onStep(null, step(30));          // 5 s: before the first interval, no line
    now.addAndGet(7 * SECOND);
    lines.onStep(null, step(60));          // 12 s: 60 of 200 steps at 5 steps/s, 140 left: 28 s
    now.addAndGet(3 * SECOND);
    lines.onStep(null, step(75));          // 15 s: within 10 s of the last line, none
    now.addAndGet(75 * SECOND);
    lines.close();                         // 90 s
    assertEquals("grid: 0/2 runs (0%), 60/200 steps, 12 s elapsed, about 28 s left\n"
        + "grid: 0/2 runs (0%), 75/200 steps, 1 min 30 s elapsed, done\n",
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void durationsKeepTheTwoLargestUnits() {
    assertEquals("4 s", ProgressLines.duration(4 * SECOND));
    assertEquals("1 min 41 s", ProgressLines.duration(101 * SECOND));
    assertEquals("2 h 5 min", ProgressLines.duration((2 * 3600 + 5 * 60 + 59) * SECOND));
  }

  private static StepRecord step(int step) {
    return new StepRecord(step, 1, 1, 1, false, Double.NaN, 0.1, 0.1, 1, Double.NaN, Double.NaN);
  }
}
