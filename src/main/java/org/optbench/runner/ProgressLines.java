package org.optbench.runner;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.optbench.metrics.RunSummary;
import org.optbench.metrics.StepRecord;
import org.optbench.spec.Cell;

/**
 * Progress as plain lines, for logs and CI: at most one line per interval, written when a step
 * or a run ends, e.g. {@code nightly: 812/2790 runs (29%), 162,400/558,000 steps, 1 min 41 s
 * elapsed, about 4 min 6 s left}, and one line at the end. The estimate assumes the remaining
 * steps go as fast as those done so far. Thread-safe: the threads of a {@link WorkerPool} report
 * run ends concurrently.
 */
final class ProgressLines implements ProgressDisplay {

  private final String experiment;
  private final int totalRuns;
  private final long totalSteps;
  private final long intervalNanos;
  private final PrintStream out;
  private final LongSupplier clock;
  private final long start;
  private long lastLine;
  private long stepsBeforeThisRun;
  private long stepsDone;
  private int runsDone;

  ProgressLines(String experiment, int totalRuns, long totalSteps, Duration every,
      PrintStream out, LongSupplier nanoClock) {
    this.experiment = experiment;
    this.totalRuns = totalRuns;
    this.totalSteps = totalSteps;
    this.intervalNanos = every.toNanos();
    this.out = out;
    this.clock = nanoClock;
    this.start = nanoClock.getAsLong();
    this.lastLine = start;
  }

  @Override
  public synchronized void onStep(Cell cell, StepRecord step) {
    stepsDone = Math.max(stepsDone, stepsBeforeThisRun + step.step());
    maybePrint();
  }

  @Override
  public synchronized void onRunEnd(RunSummary summary) {
    // A diverged run ends early; its remaining steps count as done, as in the bar.
    stepsBeforeThisRun += summary.cell().steps();
    stepsDone = stepsBeforeThisRun;
    runsDone++;
    maybePrint();
  }

  private void maybePrint() {
    long now = clock.getAsLong();
    if (now - lastLine >= intervalNanos) {
      lastLine = now;
      out.println(line(now, false));
      out.flush();
    }
  }

  /** The progress line at time {@code now}. */
  synchronized String line(long now, boolean finished) {
    long elapsed = now - start;
    String head = String.format("%s: %d/%d runs (%d%%), %,d/%,d steps, %s elapsed", experiment,
        runsDone, totalRuns, totalRuns == 0 ? 100 : 100 * runsDone / totalRuns, stepsDone,
        totalSteps, duration(elapsed));
    if (finished) {
      return head + ", done";
    }
    if (stepsDone == 0) {
      return head + ", no estimate yet";
    }
    long left = (long) ((double) elapsed * (totalSteps - stepsDone) / stepsDone);
    return head + ", about " + duration(left) + " left";
  }

  @Override
  public synchronized void close() {
    out.println(line(clock.getAsLong(), true));
    out.flush();
  }

  /** 4 s, 1 min 41 s, 2 h 5 min: the two largest units. */
  static String duration(long nanos) {
    long seconds = Math.round(nanos / 1e9);
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
  }
}
