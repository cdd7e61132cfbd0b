package org.optbench.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.metrics.RunSummary;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The table printed when a run finishes: one row per cell (all seeds together), in grid order,
 * with mean ± sample standard deviation over seeds of the final training loss and accuracy.
 */
final class SummaryTable {

  private SummaryTable() {}

  static Table of(String experiment, List<RunSummary> runs) {
    Map<String, List<RunSummary>> byCell = new LinkedHashMap<>();
    for (RunSummary run : runs) {
      byCell.computeIfAbsent(run.cell().label(), label -> new ArrayList<>()).add(run);
    }
    StringColumn workload = StringColumn.create("workload");
    StringColumn optimizer = StringColumn.create("optimizer");
    StringColumn clip = StringColumn.create("clip");
    StringColumn finalLoss = StringColumn.create("final loss");
    StringColumn accuracy = StringColumn.create("final accuracy");
    StringColumn diverged = StringColumn.create("diverged");
    for (List<RunSummary> seeds : byCell.values()) {
      RunSummary first = seeds.get(0);
      workload.append(first.cell().workload().label());
      optimizer.append(first.cell().optimizer().label());
      clip.append(first.cell().clip().label());
      finalLoss.append(meanAndSpread(seeds.stream()
          .filter(run -> !run.diverged()).mapToDouble(RunSummary::finalLoss).toArray()));
      accuracy.append(meanAndSpread(seeds.stream()
          .filter(run -> !run.diverged()).mapToDouble(RunSummary::finalAccuracy).toArray()));
      diverged.append(seeds.stream().filter(RunSummary::diverged).count() + "/" + seeds.size());
    }
    return Table.create(
        experiment + ": mean ± sd over seeds (diverged runs excluded)",
        workload, optimizer, clip, finalLoss, accuracy, diverged);
  }

  /** "mean ± sd" with four significant digits; "–" when there is nothing finite to average. */
  static String meanAndSpread(double[] values) {
    double[] finite = java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
    if (finite.length == 0) {
      return "–";
    }
    double mean = java.util.Arrays.stream(finite).average().orElseThrow();
    if (finite.length == 1) {
      return String.format("%.4g", mean);
    }
    double squares = 0;
    for (double v : finite) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / (finite.length - 1));
    return String.format("%.4g ± %.2g", mean, sd);
  }
}
