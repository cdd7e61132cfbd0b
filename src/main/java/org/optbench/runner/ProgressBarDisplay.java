package org.optbench.runner;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.optbench.metrics.RunSummary;
import org.optbench.metrics.StepRecord;
import org.optbench.spec.Cell;

/**
 * A progress bar over all steps of all cells, redrawn in place on standard error: for a terminal.
 * Thread-safe: the threads of a {@link WorkerPool} report run ends concurrently.
 */
final class ProgressBarDisplay implements ProgressDisplay {

  private final ProgressBar bar;
  private long stepsBeforeThisRun;

  ProgressBarDisplay(String experiment, long totalSteps) {
    bar =
        new ProgressBarBuilder()
            .setTaskName(experiment)
            .setInitialMax(totalSteps)
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(" steps", 1)
            .showSpeed()
            .setUpdateIntervalMillis(500)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build();
  }

  @Override
  public synchronized void onStep(Cell cell, StepRecord step) {
    bar.stepTo(stepsBeforeThisRun + step.step());
  }

  @Override
  public synchronized void onRunEnd(RunSummary summary) {
    // A diverged run ends early; count its remaining steps as done so the bar stays honest.
    stepsBeforeThisRun += summary.cell().steps();
    bar.stepTo(stepsBeforeThisRun);
    bar.setExtraMessage(summary.diverged() ? "last run diverged" : "");
  }

  @Override
  public synchronized void close() {
    bar.close();
  }
}
