package org.optbench.runner;

import java.util.List;
import org.optbench.metrics.RunSummary;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The table printed when a run finishes: seed means per workload × optimizer × clip. */
final class SummaryTable {

  private SummaryTable() {}

  static Table of(String experiment, List<RunSummary> runs) {
    StringColumn workload = StringColumn.create("workload");
    StringColumn optimizer = StringColumn.create("optimizer");
    StringColumn clip = StringColumn.create("clip");
    DoubleColumn finalLoss = DoubleColumn.create("final_loss");
    DoubleColumn accuracy = DoubleColumn.create("final_accuracy");
    IntColumn diverged = IntColumn.create("diverged");
    for (RunSummary run : runs) {
      workload.append(run.cell().workload().label());
      optimizer.append(run.cell().optimizer().label());
      clip.append(run.cell().clip().label());
      finalLoss.append(run.diverged() ? Double.NaN : run.finalLoss());
      accuracy.append(run.finalAccuracy());
      diverged.append(run.diverged() ? 1 : 0);
    }
    Table table = Table.create(experiment, workload, optimizer, clip, finalLoss, accuracy, diverged);
    Table summary =
        table
            .summarize(finalLoss, accuracy, diverged, tech.tablesaw.aggregate.AggregateFunctions.mean)
            .by(workload, optimizer, clip);
    summary.setName(experiment + ": mean over seeds (final_loss of non-diverged runs)");
    return summary;
  }
}
