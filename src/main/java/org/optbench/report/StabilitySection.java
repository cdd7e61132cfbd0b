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
import org.optbench.report.ReportTable.Value;
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
        new ReportTable(
            "stability",
            "Stability per cell: diverged seeds and their median divergence step, loss spikes per"
                + " run (mean over seeds), fraction of steps clipped (median over seeds, runs.csv),"
                + " and the largest gradient norm before clipping (median over seeds).",
            List.of(
                "workload",
                "setting",
                "seeds",
                "diverged",
                "divergence step",
                "spikes per run",
                "clipped fraction",
                "max grad norm"));
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
        int[] div = RunStats.divergence(context.results().runs(), c.cell());
        double spikes = 0;
        List<Double> maxNorms = new ArrayList<>();
        for (String id : context.runsOf(c.cell())) {
          StepSeries.Run run = context.results().steps().run(id);
          spikes += LossSpikes.indices(run.values("loss"), run.size()).length;
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
        double[] norms = maxNorms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        table.row(
            Value.text(workload),
            Value.text(c.setting()),
            Value.integer(div[0]),
            Value.integer(div[1]).css(div[1] > 0 ? "bad" : ""),
            div[2] < 0 ? Value.number(Double.NaN) : Value.integer(div[2]),
            Value.number(div[0] == 0 ? Double.NaN : spikes / div[0]),
            Value.number(RunStats.median(context.results().runs(), c.cell(), "clipped_fraction")),
            Value.number(norms.length == 0 ? Double.NaN : SeedCurves.median(norms, norms.length)));
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
          int[] div = RunStats.divergence(runs, c.cell());
          double loss = RunStats.median(runs, c.cell(), "final_loss");
          if (div[1] == div[0] && div[0] > 0) {
            zr.addNull();
            dr.add(1);
            tr.add("diverged at " + div[2]);
          } else {
            zr.add(Double.isFinite(loss) && loss > 0 ? (float) Math.log10(loss) : null);
            dr.addNull();
            tr.add(
                Numbers.format(loss)
                    + (div[1] > 0 ? String.format(Locale.ROOT, " (%d/%d div.)", div[1], div[0]) : ""));
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
              .height(Math.max(260, 120 + 45 * rows.size()))
              .trace(outcome)
              .trace(diverged);
      chart.xAxis().put("type", "category");
      chart.yAxis().put("type", "category").put("automargin", true);
      html.append(
          chart.html(
              "Outcome of "
                  + e.getKey()
                  + " per learning rate and clipping: median final loss over seeds (colour: log10,"
                  + " text: value; seeds that diverged are counted), or dark red with the median"
                  + " divergence step when every seed diverged."));
      o++;
    }
    return html.toString();
  }

  private static double lr(Table runs, CellInfo c) {
    for (int r = 0; r < runs.rowCount(); r++) {
      if (runs.stringColumn("cell").get(r).equals(c.cell())) {
        return runs.doubleColumn("lr").getDouble(r);
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
        chart.line(c.setting() + " before", before.step(), before.median(), s.colour(), "dot", null, 1.5);
        first = Math.min(first, before.step()[0]);
        last = Math.max(last, before.step()[before.step().length - 1]);
      }
      if (!after.isEmpty()) {
        chart.line(c.setting() + " after", after.step(), after.median(), s.colour(), "solid", s.symbol(), 2);
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
        chart.html(
            "Global gradient norm, median over seeds: dotted before clipping, solid after, grey"
                + " long dashes at each fixed max_norm. Colour: optimizer."));
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
        chart.html(
            "Threshold of each adaptive clipping method per step (steps.csv clipping_threshold),"
                + " median over seeds with the min–max band: the global-norm bound for autoclip,"
                + " zclip, lr_scaled and loss_feedback; the largest per-tensor element bound τ for"
                + " stat. AGC (a fixed ratio λ to each unit's weight norm) is not drawn."));
  }
}
