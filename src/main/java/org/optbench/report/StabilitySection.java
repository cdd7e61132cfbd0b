package org.optbench.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.optbench.io.StepSeries;
import org.optbench.report.ReportTable.Column;
import org.optbench.report.ReportTable.Value;
import org.optbench.stats.Estimate;
import org.optbench.stats.EstimateText;
import org.optbench.stats.SeedStatistics;
import tech.tablesaw.api.Table;

/**
 * Where optimizers break: per optimizer a heatmap of outcome over learning rate × clipping, loss
 * spikes, the fraction of steps clipped, gradient norms before and after clipping, and for adaptive
 * clipping methods the threshold they reached.
 */
final class StabilitySection implements ReportSection {

  @Override
  public String id() {
    return "stability";
  }

  @Override
  public String title() {
    return "Stability";
  }

  @Override
  public boolean appliesTo(ReportContext context) {
    return !context.cells().isEmpty();
  }

  @Override
  public String html(ReportContext context) {
    StringBuilder html = new StringBuilder();
    html.append("<p class=\"note\">A <em>loss spike</em> is a step after the first ")
        .append(LossSpikes.WARMUP)
        .append(" whose training loss exceeds ")
        .append(Numbers.format(LossSpikes.FACTOR))
        .append("× the exponential moving average (weight ")
        .append(LossSpikes.EMA)
        .append(") of the finite losses before it, found on every step (the training-loss charts")
        .append(" of the convergence section mark them). A run <em>diverges</em> when its loss or")
        .append(" gradient becomes non-finite; the runner stops it there.</p>\n");
    ReportTable table =
        ReportTable.withColumns(
            "stability",
            "Stability per cell: diverged seeds and the step at which each diverged; loss spikes"
                + " per run, fraction of steps clipped (runs.csv) and the largest gradient norm"
                + " before clipping of each run; "
                + RunStats.STATISTIC
                + ".",
            List.of(
                Column.text("workload"),
                Column.text("setting"),
                Column.text("seeds"),
                Column.text("diverged"),
                Column.text("divergence steps"),
                Column.text("n"),
                Column.estimate("spikes_per_run"),
                Column.estimate("clipped_fraction"),
                Column.estimate("max_grad_norm")));
    int index = 1;
    for (List<CellInfo> group : context.workloads().values()) {
      String workload = group.get(0).workloadLabel();
      html.append("<h3 id=\"stability-")
          .append(index)
          .append("\">")
          .append(Html.escape(workload))
          .append("</h3>\n");
      html.append(heatmaps(context, index, group));
      for (CellInfo c : group) {
        Table runs = context.results().runs();
        RunStats.Divergence div = RunStats.divergence(runs, c.cell());
        List<String> finiteRuns = RunStats.finiteRuns(runs, c.cell());
        double[] spikes = new double[finiteRuns.size()];
        List<Double> maxNorms = new ArrayList<>();
        for (int s = 0; s < finiteRuns.size(); s++) {
          StepSeries.Run run = context.results().steps().run(finiteRuns.get(s));
          spikes[s] = LossSpikes.indices(run.values("loss"), run.size()).length;
          double max = Double.NaN;
          float[] norm = run.values("grad_norm");
          for (int i = 0; i < run.size(); i++) {
            if (Float.isFinite(norm[i])) {
              max = Double.isNaN(max) ? norm[i] : Math.max(max, norm[i]);
            }
          }
          if (!Double.isNaN(max)) {
            maxNorms.add(max);
          }
        }
        double[] norms = maxNorms.stream().mapToDouble(Double::doubleValue).toArray();
        table.row(
            Value.text(workload),
            Value.text(c.setting()),
            Value.integer(div.seeds()),
            Value.integer(div.diverged()).css(div.diverged() > 0 ? "bad" : ""),
            Value.text(div.stepsText()),
            Value.integer(div.finite()),
            Value.estimate(SeedStatistics.mean(spikes, RunStats.LEVEL)),
            Value.estimate(RunStats.estimate(runs, c.cell(), "clipped_fraction")),
            Value.estimate(SeedStatistics.mean(norms, RunStats.LEVEL)));
      }
      gradNorms(context, index, group).ifPresent(html::append);
      adaptiveThresholds(context, index, group).ifPresent(html::append);
      index++;
    }
    html.append(context.table(table));
    return html.toString();
  }

  /** One heatmap per optimizer of this workload: learning rate across, clip setting down. */
  private String heatmaps(ReportContext context, int index, List<CellInfo> cells) {
    Map<String, List<CellInfo>> byOptimizer = new LinkedHashMap<>();
    for (CellInfo c : cells) {
      byOptimizer.computeIfAbsent(Styles.optimizerName(c), k -> new ArrayList<>()).add(c);
    }
    Table runs = context.results().runs();
    StringBuilder html = new StringBuilder();
    int o = 1;
    for (Map.Entry<String, List<CellInfo>> e : byOptimizer.entrySet()) {
      // Cells of one optimizer may differ in more than lr (momentum, schedule): a row per clip and
      // remaining setting, a column per lr.
      TreeSet<Double> lrs = new TreeSet<>();
      List<String> rows = new ArrayList<>();
      Map<String, CellInfo> at = new LinkedHashMap<>();
      for (CellInfo c : e.getValue()) {
        double lr = lr(runs, c);
        lrs.add(Double.isNaN(lr) ? Double.NEGATIVE_INFINITY : lr);
        String row = rowLabel(c);
        if (!rows.contains(row)) {
          rows.add(row);
        }
        at.put(row + "\u0000" + lr, c);
      }
      List<Double> columns = new ArrayList<>(lrs);
      ArrayNode x = ScriptJson.array();
      columns.forEach(lr -> x.add(lr == Double.NEGATIVE_INFINITY ? "unset" : Numbers.format(lr)));
      ArrayNode y = ScriptJson.array();
      rows.forEach(r -> y.add(ChartText.sanitize(r)));
      ArrayNode z = ScriptJson.array();
      ArrayNode zDiverged = ScriptJson.array();
      ArrayNode text = ScriptJson.array();
      for (String row : rows) {
        ArrayNode zr = z.addArray();
        ArrayNode dr = zDiverged.addArray();
        ArrayNode tr = text.addArray();
        for (double lr : columns) {
          CellInfo c = at.get(row + "\u0000" + (lr == Double.NEGATIVE_INFINITY ? Double.NaN : lr));
          if (c == null) {
            zr.addNull();
            dr.addNull();
            tr.add("");
            continue;
          }
          RunStats.Divergence div = RunStats.divergence(runs, c.cell());
          Estimate loss = RunStats.estimate(runs, c.cell(), "final_loss");
          if (div.finite() == 0) {
            zr.addNull();
            dr.add(1);
            tr.add("diverged at " + div.stepsText());
          } else {
            double mean = loss.value();
            zr.add(Double.isFinite(mean) && mean > 0 ? (float) Math.log10(mean) : null);
            dr.addNull();
            tr.add(outcomeText(loss, div));
          }
        }
      }
      ObjectNode outcome =
          ScriptJson.object()
              .put("type", "heatmap")
              .put("name", "final loss")
              .put("colorscale", "Viridis")
              .put("texttemplate", "%{text}")
              .put("hovertemplate", "lr %{x}<br>%{y}<br>%{text}<extra></extra>");
      outcome.set("x", x);
      outcome.set("y", y);
      outcome.set("z", z);
      outcome.set("text", text);
      outcome.set("colorbar", ScriptJson.object().put("title", "log10 final loss"));
      ObjectNode diverged =
          ScriptJson.object()
              .put("type", "heatmap")
              .put("name", "diverged")
              .put("showscale", false)
              .put("texttemplate", "%{text}")
              .put("hovertemplate", "lr %{x}<br>%{y}<br>%{text}<extra></extra>");
      diverged.set("x", x.deepCopy());
      diverged.set("y", y.deepCopy());
      diverged.set("z", zDiverged);
      diverged.set("text", text.deepCopy());
      diverged.set(
          "colorscale",
          ScriptJson.array().add(ScriptJson.array().add(0).add("#5a0010")).add(ScriptJson.array().add(1).add("#5a0010")));
      diverged.set("textfont", ScriptJson.object().put("color", "#ffffff"));
      Chart chart =
          new Chart(
                  "outcome_" + index + "_" + o,
                  cells.get(0).workloadLabel() + ": " + e.getKey() + " outcome",
                  "clipping")
              .xTitle("learning rate")
              .height(Math.max(260, 120 + 60 * rows.size()))
              .trace(outcome)
              .trace(diverged);
      chart.xAxis().put("type", "category");
      chart.yAxis().put("type", "category").put("automargin", true);
      html.append(
          context.chart(chart, 
              "Outcome of "
                  + e.getKey()
                  + " per learning rate and clipping: final_loss, mean over the n seeds that did not"
                  + " diverge (colour: log10 of the mean; text: mean [95% Student-t interval], n,"
                  + " and the seeds that diverged, counted, not averaged), or dark red with each"
                  + " seed's divergence step when every seed diverged."));
      o++;
    }
    return html.toString();
  }

  /**
   * A heatmap cell's text: {@code 0.1356 (n=2)} over {@code [0.05354, 0.2176]}; two lines keep
   * the cells narrow.
   */
  static String outcomeText(Estimate loss, RunStats.Divergence div) {
    String interval = EstimateText.valueAndInterval(loss);
    int split = interval.indexOf(" [");
    String value = split < 0 ? interval : interval.substring(0, split);
    String counts = div.diverged() > 0
        ? String.format(Locale.ROOT, " (n=%d, %d/%d div.)", div.finite(), div.diverged(), div.seeds())
        : String.format(Locale.ROOT, " (n=%d)", div.finite());
    return value + counts + (split < 0 ? "" : "<br>" + interval.substring(split + 1));
  }

  private static double lr(Table runs, CellInfo c) {
    for (int r = 0; r < runs.rowCount(); r++) {
      if (runs.stringColumn("cell").get(r).equals(c.cell())) {
        // optimizer_lr: absent when no optimizer of the grid has an lr.
        return runs.containsColumn("optimizer_lr")
            ? runs.doubleColumn("optimizer_lr").getDouble(r) : Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** The heatmap row of a cell: its clip setting, plus the setting without the lr. */
  private static String rowLabel(CellInfo c) {
    String setting = c.setting().replaceAll("(\\(|,)lr=[^,)]*,?", "$1").replace("()", "");
    return setting;
  }

  private java.util.Optional<String> gradNorms(ReportContext context, int index, List<CellInfo> cells) {
    List<CellInfo> clipped = cells.stream().filter(CellInfo::clipped).toList();
    if (clipped.isEmpty()) {
      return java.util.Optional.empty();
    }
    Chart chart =
        new Chart(
                "grad_norm_" + index,
                cells.get(0).workloadLabel() + ": gradient norm before and after clipping",
                "global L2 norm")
            .points(context.pointsPerLine())
            .logWhenWide();
    double first = Double.POSITIVE_INFINITY;
    double last = Double.NEGATIVE_INFINITY;
    for (CellInfo c : clipped) {
      SeedCurves.Curve before =
          SeedCurves.of(context.results().steps(), c.cell(), context.runsOf(c.cell()), "grad_norm");
      SeedCurves.Curve after =
          SeedCurves.of(
              context.results().steps(), c.cell(), context.runsOf(c.cell()), "grad_norm_clipped");
      Styles.Style s = context.styles().of(c);
      if (!before.isEmpty()) {
        chart.line(c.setting() + " before", before.step(), before.mean(), s.colour(), "dot", null, 1.5);
        first = Math.min(first, before.step()[0]);
        last = Math.max(last, before.step()[before.step().length - 1]);
      }
      if (!after.isEmpty()) {
        chart.line(c.setting() + " after", after.step(), after.mean(), s.colour(), "solid", s.symbol(), 2);
      }
    }
    if (first <= last) {
      TreeSet<Double> thresholds = new TreeSet<>();
      clipped.forEach(c -> c.maxNorm().ifPresent(thresholds::add));
      for (double maxNorm : thresholds) {
        chart.line(
            "max_norm = " + Numbers.format(maxNorm),
            new double[] {first, last},
            new double[] {maxNorm, maxNorm},
            "#555555",
            "longdash",
            null,
            1);
      }
    }
    return java.util.Optional.of(
        context.chart(chart, 
            "Global gradient norm, mean over the seeds with a value at each step (no interval"
                + " band, so that the two lines of a cell stay apart): dotted before clipping,"
                + " solid after, grey long dashes at each fixed max_norm. Colour: optimizer."));
  }

  /**
   * Adaptive methods (no fixed max_norm) move their threshold; steps.csv records it per step
   * ({@code clipping_threshold}). AGC is left out: its λ is a ratio to each unit's weight norm,
   * constant, and not on the scale of a gradient norm.
   */
  private java.util.Optional<String> adaptiveThresholds(
      ReportContext context, int index, List<CellInfo> cells) {
    List<CellInfo> adaptive = cells.stream()
        .filter(CellInfo::adaptiveClip)
        .toList();
    if (adaptive.isEmpty()) {
      return java.util.Optional.empty();
    }
    Chart chart =
        new Chart(
                "clip_threshold_" + index,
                cells.get(0).workloadLabel() + ": adaptive clipping threshold",
                "threshold")
            .points(context.pointsPerLine())
            .logWhenWide();
    for (CellInfo c : adaptive) {
      SeedCurves.Curve threshold = SeedCurves.of(
          context.results().steps(), c.cell(), context.runsOf(c.cell()), "clipping_threshold");
      chart.band(c.setting(), threshold, threshold.step(), context.styles().of(c));
    }
    if (chart.isEmpty()) {
      return java.util.Optional.empty(); // a result set written before the threshold was logged
    }
    return java.util.Optional.of(
        context.chart(chart, 
            "Threshold of each adaptive clipping method per step (steps.csv clipping_threshold). "
                + BandCaption.of(context, adaptive)
                + " The threshold is the global-norm bound for autoclip,"
                + " zclip, lr_scaled and loss_feedback; the largest per-tensor element bound τ for"
                + " stat. AGC (a fixed ratio λ to each unit's weight norm) is not drawn."));
  }
}
