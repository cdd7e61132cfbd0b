package org.optbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.optbench.io.StepSeries;
import org.optbench.report.ReportTable.Column;
import org.optbench.report.ReportTable.Value;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * Training and eval curves per workload against step and wall time (mean over seeds, 95% t-band),
 * and a table of final and best values (mean over seeds [95% t-interval]) with steps to a target
 * loss.
 */
final class ConvergenceSection implements ReportSection {

  @Override
  public String id() {
    return "convergence";
  }

  @Override
  public String title() {
    return "Convergence";
  }

  @Override
  public boolean appliesTo(ReportContext context) {
    return !context.cells().isEmpty();
  }

  @Override
  public String html(ReportContext context) {
    StringBuilder html = new StringBuilder();
    html.append("<p class=\"note\">Lines are the mean over seeds at each step, bands the 95%")
        .append(" Student-t interval of that mean (mean ± t(0.975, n−1)·s/√n over the n seeds with a")
        .append(" value at the step; no band where n = 1). ")
        .append(Html.escape(context.styles().encoding()))
        .append(" Lines are thinned to at most ")
        .append(context.pointsPerLine())
        .append(" points for display, keeping each bucket's extremes; steps.csv has every step.</p>\n");
    ReportTable table =
        ReportTable.withColumns(
            "convergence",
            "Final and best values per cell (runs.csv); "
                + RunStats.STATISTIC
                + ". final_loss is the loss of the last single minibatch; final_loss_avg averages"
                + " the last 10% of steps. Target loss: per cell, L_final + 0.25·(L_first −"
                + " L_final), with L_first and L_final the means over the cell's seeds that did not"
                + " diverge of their first and last training loss smoothed by a bias-corrected"
                + " moving average (β = 0.9); the same definition as compare. Steps (seconds of"
                + " training time) to target: the first step where a seed's smoothed loss is at or"
                + " below it, mean over the seeds that got there (how many, when not all); – when"
                + " none did.",
            List.of(
                Column.text("workload"),
                Column.text("setting"),
                Column.text("seeds"),
                Column.text("diverged"),
                Column.text("n"),
                Column.estimate("final_loss"),
                Column.estimate("final_loss_avg"),
                Column.estimate("best_loss"),
                Column.estimate("final_eval_loss"),
                Column.estimate("final_accuracy"),
                Column.estimate("eval_perplexity"),
                Column.text("target loss"),
                Column.text("steps to target"),
                Column.text("seconds to target")));
    int index = 1;
    for (List<CellInfo> group : context.workloads().values()) {
      String workload = group.get(0).workloadLabel();
      html.append("<div class=\"workload\" data-workload=\"")
          .append(Html.escape(workload))
          .append("\">\n<h3 id=\"convergence-")
          .append(index)
          .append("\">")
          .append(Html.escape(workload))
          .append("</h3>\n");
      html.append(workload(context, index, group, table)).append("</div>\n");
      index++;
    }
    html.append(context.table(table));
    return html.toString();
  }

  private String workload(ReportContext context, int index, List<CellInfo> cells, ReportTable table) {
    StepSeries series = context.results().steps();
    Table runs = context.results().runs();
    Styles styles = context.styles();
    String workload = cells.get(0).workloadLabel();
    StringBuilder html = new StringBuilder();

    String seeds = BandCaption.of(context, cells);
    html.append(new SmallMultiples("loss_" + index, workload + ": training loss", "loss", true,
        "Training loss per step. " + seeds + " ✕: a seed diverged at that step (drawn at its last"
            + " finite loss) and leaves the mean from there on. Open marker with a dot (the line's"
            + " shape): a loss spike of one seed, at that seed's loss (definition in Stability),"
            + " found on every step before the lines were thinned.")
        .html(context, cells, (chart, c) -> {
          chart.cell(c);
          SeedCurves.Curve loss = SeedCurves.of(series, c.cell(), context.runsOf(c.cell()), "loss");
          chart.band(c.setting(), loss, loss.step(), styles.of(c));
          drawEvents(context, chart, c);
        }));
    if (!styles.faceted()) {
      // With small multiples the time axis adds as many charts again; steps per second are in
      // the table, and each cell's time to target too.
      html.append(new SmallMultiples("loss_time_" + index, workload
          + ": training loss vs wall time", "loss", true, "Training loss against training wall"
          + " time (evaluation excluded), both the mean over the seeds with a value at each step;"
          + " no band here (the chart by step has the interval).")
          .html(context, cells, (chart, c) -> {
            chart.cell(c).xTitle("training wall time (s)");
            SeedCurves.Curve loss =
                SeedCurves.of(series, c.cell(), context.runsOf(c.cell()), "loss");
            chart.line(c.setting(), loss.seconds(), loss.mean(), styles.of(c), 2);
          }));
    }
    html.append(evalChart(context, index, cells, "eval_loss", "eval loss", true));
    html.append(evalChart(context, index, cells, "eval_accuracy", "eval accuracy", false));

    for (int i = 0; i < cells.size(); i++) {
      CellInfo c = cells.get(i);
      RunStats.Divergence div = RunStats.divergence(runs, c.cell());
      CellTargets reach = CellTargets.of(context, c.cell());
      table.row(
          Value.text(workload),
          Value.text(c.setting()),
          Value.integer(div.seeds()),
          Value.integer(div.diverged()).css(div.diverged() > 0 ? "bad" : ""),
          Value.integer(div.finite()),
          Value.estimate(RunStats.estimate(runs, c.cell(), "final_loss")),
          Value.estimate(RunStats.estimate(runs, c.cell(), "final_loss_avg")),
          Value.estimate(RunStats.estimate(runs, c.cell(), "best_loss")),
          Value.estimate(RunStats.estimate(runs, c.cell(), "final_eval_loss")),
          Value.estimate(RunStats.estimate(runs, c.cell(), "final_accuracy")),
          Value.estimate(RunStats.estimate(runs, c.cell(), "eval_perplexity")),
          Value.number(reach.target()),
          reach.shown(reach.meanSteps()),
          reach.shown(reach.meanSeconds()));
    }
    return html.toString();
  }

  private String evalChart(
      ReportContext context,
      int index,
      List<CellInfo> cells,
      String metric,
      String title,
      boolean log) {
    // Empty, and so left out, where the workload does not measure it (accuracy of a regression).
    return new SmallMultiples(metric + "_" + index, cells.get(0).workloadLabel() + ": " + title,
        title, log, "Held-out " + title + " at each evaluation. " + BandCaption.of(context, cells))
        .html(context, cells, (chart, c) -> {
          chart.cell(c);
          SeedCurves.Curve curve =
              SeedCurves.of(context.results().steps(), c.cell(), context.runsOf(c.cell()), metric);
          chart.band(c.setting(), curve, curve.step(), context.styles().of(c));
        });
  }

  /** Where {@code cell}'s seeds diverged and where they had a loss spike. */
  private static void drawEvents(ReportContext context, Chart chart, CellInfo c) {
    Styles.Style style = context.styles().of(c);
    List<double[]> points = divergences(context, c);
    if (!points.isEmpty()) {
      chart.markers(
          "diverged: " + c.setting(),
          points.stream().mapToDouble(p -> p[0]).toArray(),
          points.stream().mapToDouble(p -> p[1]).toArray(),
          style.colour(),
          "x",
          true);
    }
    List<double[]> spikes = spikes(context, c);
    if (!spikes.isEmpty()) {
      // Found on every step; only a cell with more spikes than a line has points is thinned,
      // keeping the highest and lowest of each run of consecutive spikes.
      Downsample.Line shown =
          Downsample.minMax(
              spikes.stream().mapToDouble(p -> p[0]).toArray(),
              spikes.stream().mapToDouble(p -> p[1]).toArray(),
              context.pointsPerLine());
      chart.markersOn(c.setting(), "spike: " + c.setting(), shown.x(), shown.y(), style.colour(),
          style.eventSymbol());
    }
  }

  /** (step, loss) of every loss spike of every seed of {@code cell}, by step. */
  static List<double[]> spikes(ReportContext context, CellInfo cell) {
    List<double[]> points = new ArrayList<>();
    for (String id : context.runsOf(cell.cell())) {
      StepSeries.Run run = context.results().steps().run(id);
      float[] loss = run.values("loss");
      for (int i : LossSpikes.indices(loss, run.size())) {
        points.add(new double[] {run.steps()[i], loss[i]});
      }
    }
    points.sort(Comparator.comparingDouble(p -> p[0]));
    return points;
  }

  /** (divergence step, last finite loss up to it) for each diverged seed of {@code cell}. */
  static List<double[]> divergences(ReportContext context, CellInfo cell) {
    List<double[]> points = new ArrayList<>();
    for (Row r : context.results().runs()) {
      if (!r.getString("cell").equals(cell.cell()) || !r.getBoolean("diverged")) {
        continue;
      }
      int at = r.getInt("diverged_step");
      StepSeries.Run run = context.results().steps().run(r.getString("run_id"));
      double last = Double.NaN;
      float[] loss = run.values("loss");
      for (int i = 0; i < run.size() && run.steps()[i] <= at; i++) {
        if (Float.isFinite(loss[i])) {
          last = loss[i];
        }
      }
      points.add(new double[] {at, last});
    }
    return points;
  }
}
