package org.optbench.report;

import java.util.ArrayList;
import java.util.List;
import org.optbench.io.StepSeries;
import org.optbench.report.ReportTable.Column;
import org.optbench.report.ReportTable.Value;
import org.optbench.stats.Estimate;
import org.optbench.stats.SeedStatistics;
import tech.tablesaw.api.Table;

/**
 * The stability table: per cell the seeds that diverged and where, final loss (the numbers of the
 * outcome heatmaps), loss spikes per run, fraction of steps clipped and the largest gradient norm.
 *
 * <p>A column that would say the same thing in every row is left out and said once in the caption
 * instead: seeds and n when every cell has the same seeds and none diverged, the divergence columns
 * when none diverged, spikes when no run has one, the clipped fraction when no step was clipped,
 * the gradient norm when steps.csv has none.
 */
final class StabilityTable {

  /** The numbers of one cell. */
  private record CellRow(
      String workload,
      String setting,
      RunStats.Divergence divergence,
      Estimate finalLoss,
      Estimate spikes,
      Estimate clipped,
      Estimate maxGradNorm) {}

  private final List<CellRow> rows = new ArrayList<>();

  /** Adds the cells of one workload, in their order. */
  void add(ReportContext context, List<CellInfo> cells) {
    Table runs = context.results().runs();
    for (CellInfo c : cells) {
      List<String> finiteRuns = RunStats.finiteRuns(runs, c.cell());
      double[] spikes = new double[finiteRuns.size()];
      List<Double> maxNorms = new ArrayList<>();
      for (int s = 0; s < finiteRuns.size(); s++) {
        StepSeries.Run run = context.results().steps().run(finiteRuns.get(s));
        spikes[s] = LossSpikes.indices(run.values("loss"), run.size()).length;
        double max = largestFinite(run.values("grad_norm"), run.size());
        if (!Double.isNaN(max)) {
          maxNorms.add(max);
        }
      }
      rows.add(
          new CellRow(
              c.workloadLabel(),
              c.setting(),
              RunStats.divergence(runs, c.cell()),
              RunStats.estimate(runs, c.cell(), "final_loss"),
              SeedStatistics.mean(spikes, RunStats.LEVEL),
              RunStats.estimate(runs, c.cell(), "clipped_fraction"),
              SeedStatistics.mean(
                  maxNorms.stream().mapToDouble(Double::doubleValue).toArray(), RunStats.LEVEL)));
    }
  }

  /** The table, its columns chosen by what varies. */
  ReportTable table() {
    boolean diverged = rows.stream().anyMatch(r -> r.divergence().diverged() > 0);
    long seedCounts = rows.stream().mapToInt(r -> r.divergence().seeds()).distinct().count();
    boolean seeds = diverged || seedCounts > 1;
    boolean spikes = rows.stream().anyMatch(r -> r.spikes().value() > 0);
    boolean clipped = rows.stream().anyMatch(r -> r.clipped().value() > 0);
    boolean norms = rows.stream().anyMatch(r -> Double.isFinite(r.maxGradNorm().value()));

    List<Column> columns = new ArrayList<>();
    columns.add(Column.text("workload"));
    columns.add(Column.text("setting"));
    List<String> omitted = new ArrayList<>();
    if (seeds) {
      columns.add(Column.text("seeds"));
    }
    if (diverged) {
      columns.addAll(
          List.of(Column.text("diverged"), Column.text("divergence steps"), Column.text("n")));
    } else if (seeds) {
      omitted.add("No seed diverged, so n = seeds.");
    } else {
      int k = rows.isEmpty() ? 0 : rows.get(0).divergence().seeds();
      String seedCount = k + (k == 1 ? " seed" : " seeds");
      omitted.add("Every cell has " + seedCount + " and none diverged (n = " + k + ").");
    }
    columns.add(Column.estimate("final_loss"));
    if (spikes) {
      columns.add(Column.estimate("spikes_per_run"));
    } else {
      omitted.add("No run has a loss spike.");
    }
    if (clipped) {
      columns.add(Column.estimate("clipped_fraction"));
    } else {
      omitted.add("No step was clipped in any run.");
    }
    if (norms) {
      columns.add(Column.estimate("max_grad_norm"));
    } else {
      omitted.add("steps.csv has no gradient norm.");
    }

    ReportTable table =
        ReportTable.withColumns(
            "stability",
            "Stability per cell: final_loss (what the outcome heatmaps show)"
                + (diverged ? ", diverged seeds and the step at which each diverged" : "")
                + (spikes ? ", loss spikes per run" : "")
                + (clipped ? ", fraction of steps clipped (runs.csv)" : "")
                + (norms ? ", the largest gradient norm before clipping of each run" : "")
                + "; "
                + RunStats.STATISTIC
                + "."
                + (omitted.isEmpty() ? "" : " " + String.join(" ", omitted)),
            columns);
    for (CellRow r : rows) {
      List<Value> values = new ArrayList<>();
      values.add(Value.text(r.workload()));
      values.add(Value.text(r.setting()));
      if (seeds) {
        values.add(Value.integer(r.divergence().seeds()));
      }
      if (diverged) {
        int count = r.divergence().diverged();
        values.add(Value.integer(count).css(count > 0 ? "bad" : ""));
        values.add(Value.text(r.divergence().stepsText()));
        values.add(Value.integer(r.divergence().finite()));
      }
      values.add(Value.estimate(r.finalLoss()));
      if (spikes) {
        values.add(Value.estimate(r.spikes()));
      }
      if (clipped) {
        values.add(Value.estimate(r.clipped()));
      }
      if (norms) {
        values.add(Value.estimate(r.maxGradNorm()));
      }
      table.row(values.toArray(Value[]::new));
    }
    return table;
  }

  private static double largestFinite(float[] values, int n) {
    double max = Double.NaN;
    for (int i = 0; i < n; i++) {
      if (Float.isFinite(values[i])) {
        max = Double.isNaN(max) ? values[i] : Math.max(max, values[i]);
      }
    }
    return max;
  }
}
