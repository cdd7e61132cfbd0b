package org.optbench.report;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.optbench.io.Manifest;
import org.optbench.report.ReportTable.Column;
import org.optbench.report.ReportTable.Value;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * What ran and what came out: the final metrics per cell (mean over seeds [95% t-interval]), the
 * grid's axes, the manifest, wall time, and the runs that failed or diverged.
 */
final class OverviewSection implements ReportSection {

  @Override
  public String id() {
    return "overview";
  }

  @Override
  public String title() {
    return "Overview";
  }

  @Override
  public String html(ReportContext context) {
    Manifest m = context.results().manifest();
    Table runs = context.results().runs();
    StringBuilder html = new StringBuilder();
    html.append("<p class=\"counts\">")
        .append(m.runs())
        .append(" runs of ")
        .append(m.cells())
        .append(" in the grid, ")
        .append("<span class=\"")
        .append(m.divergedRuns() > 0 ? "bad" : "ok")
        .append("\">")
        .append(m.divergedRuns())
        .append(" diverged</span>; status ")
        .append(Html.escape(m.status()));
    if (m.runs() < m.cells()) {
      html.append(" (<span class=\"bad\">")
          .append(m.cells() - m.runs())
          .append(" runs missing</span>: failed or not run yet)");
    }
    html.append("</p>\n");
    html.append(context.table(summary(context)));

    ReportTable grid =
        new ReportTable("grid", "The grid: the values of each axis that ran.", List.of("axis", "values", "count"));
    axis(grid, runs, "workload", "workload", "workload_config");
    axis(grid, runs, "optimizer", "optimizer", "optimizer_config");
    axis(grid, runs, "clip", "clip_method", "clip_config");
    axis(grid, runs, "schedule", "schedule", "schedule_config");
    axis(grid, runs, "seed", "seed", null);
    axis(grid, runs, "engine", "engine", null);
    grid.row(Value.text("cells (all seeds)"), Value.text(""), Value.integer(context.cells().size()));
    html.append(context.table(grid));

    ReportTable manifest =
        new ReportTable("manifest", "Where and when the result set was produced (manifest.json).", List.of("key", "value"));
    manifestRow(manifest, "spec file", m.specFile());
    manifestRow(manifest, "spec SHA-256", m.specSha256());
    manifestRow(manifest, "started", m.started());
    manifestRow(manifest, "finished", m.finished());
    manifestRow(manifest, "wall time", wallTime(m));
    manifestRow(manifest, "optbench", m.optbenchVersion() + " (" + m.gitCommit() + ")");
    manifestRow(manifest, "Java", m.javaVersion());
    manifestRow(manifest, "DJL / PyTorch", m.djlVersion() + " / " + m.pytorchVersion());
    manifestRow(manifest, "engine threads", Integer.toString(m.threads()));
    manifestRow(manifest, "OS", m.os());
    manifestRow(manifest, "CPU", m.cpu() + " (" + m.cores() + " cores)");
    html.append(context.table(manifest));

    ReportTable failures =
        new ReportTable(
            "divergences",
            "Runs that diverged (a non-finite loss or gradient ended them), with the step.",
            List.of("run", "setting", "seed", "step"));
    for (Row r : runs) {
      if (r.getBoolean("diverged")) {
        failures.row(
            Value.text(r.getString("run_id")),
            Value.text(r.getString("cell")),
            Value.integer(r.getLong("seed")),
            Value.integer(r.getInt("diverged_step")));
      }
    }
    if (failures.rowCount() == 0) {
      html.append("<p>No run diverged.</p>\n");
    } else {
      html.append(context.table(failures));
    }
    return html.toString();
  }

  /** The final metrics of each cell, as the console prints them after a run, plus final_loss. */
  private static ReportTable summary(ReportContext context) {
    Table runs = context.results().runs();
    ReportTable table =
        ReportTable.withColumns(
            "summary",
            "Final metrics per cell (runs.csv); "
                + RunStats.STATISTIC
                + ". final_loss is the loss of the last single minibatch; final_loss_avg averages"
                + " the last 10% of steps (the smoothed final training loss). More in Convergence.",
            List.of(
                Column.text("workload"),
                Column.text("setting"),
                Column.text("seeds"),
                Column.text("diverged"),
                Column.text("n"),
                Column.estimate("final_loss"),
                Column.estimate("final_loss_avg"),
                Column.estimate("final_eval_loss"),
                Column.estimate("final_accuracy")));
    for (CellInfo c : context.cells()) {
      RunStats.Divergence div = RunStats.divergence(runs, c.cell());
      table.row(
          Value.text(c.workloadLabel()),
          Value.text(c.setting()),
          Value.integer(div.seeds()),
          Value.integer(div.diverged()).css(div.diverged() > 0 ? "bad" : ""),
          Value.integer(div.finite()),
          Value.estimate(RunStats.estimate(runs, c.cell(), "final_loss")),
          Value.estimate(RunStats.estimate(runs, c.cell(), "final_loss_avg")),
          Value.estimate(RunStats.estimate(runs, c.cell(), "final_eval_loss")),
          Value.estimate(RunStats.estimate(runs, c.cell(), "final_accuracy")));
    }
    return table;
  }

  private static void axis(ReportTable grid, Table runs, String name, String column, String config) {
    Set<String> values = new LinkedHashSet<>();
    for (Row r : runs) {
      String v =
          column.equals("seed") ? Long.toString(r.getLong("seed")) : r.getString(column);
      if (config != null && !r.getString(config).isEmpty()) {
        v += "(" + r.getString(config) + ")";
      }
      values.add(v);
    }
    grid.row(Value.text(name), Value.text(String.join("; ", values)), Value.integer(values.size()));
  }

  private static void manifestRow(ReportTable table, String key, String value) {
    table.row(Value.text(key), Value.text(value));
  }

  static String wallTime(Manifest m) {
    try {
      Duration d = m.wallTime();
      return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    } catch (RuntimeException unparseable) {
      return "–";
    }
  }
}
