package org.optbench.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.optbench.stats.Estimate;
import org.optbench.stats.EstimateText;
import tech.tablesaw.api.Table;

/**
 * Per optimizer of one workload, a heatmap of the outcome (final loss, or divergence) over learning
 * rate × the rest of the setting (clipping, momentum, …).
 *
 * <p>A heatmap is drawn only for a real grid: at least {@link #MIN_SIDE} learning rates and at
 * least {@link #MIN_SIDE} other settings, so at least four cells. A 1×1 map is one number in a
 * coloured box, and a 1×N strip has a colour scale that compares nothing a sorted column does not;
 * the stability table has the same numbers for every cell ({@code final_loss}), and the note under
 * the workload's heading names the optimizers left out.
 */
final class OutcomeHeatmaps {

  /** Fewest learning rates, and fewest other settings, for a heatmap. */
  static final int MIN_SIDE = 2;

  private OutcomeHeatmaps() {}

  /** One optimizer's cells laid out as a grid: a column per lr, a row per remaining setting. */
  record Grid(String optimizer, List<Double> lrs, List<String> rows, Map<String, CellInfo> at) {

    boolean drawn() {
      return lrs.size() >= MIN_SIDE && rows.size() >= MIN_SIDE;
    }

    CellInfo cell(String row, double lr) {
      return at.get(row + "\u0000" + lr);
    }

    /** E.g. {@code sgd (1 learning rate × 2 settings)}. */
    String shape() {
      return optimizer
          + " ("
          + lrs.size()
          + (lrs.size() == 1 ? " learning rate × " : " learning rates × ")
          + rows.size()
          + (rows.size() == 1 ? " setting)" : " settings)");
    }
  }

  /** The grids of {@code cells}, one per optimizer name, in order of first appearance. */
  static List<Grid> grids(Table runs, List<CellInfo> cells) {
    Map<String, List<CellInfo>> byOptimizer = new LinkedHashMap<>();
    for (CellInfo c : cells) {
      byOptimizer.computeIfAbsent(Styles.optimizerName(c), k -> new ArrayList<>()).add(c);
    }
    List<Grid> grids = new ArrayList<>();
    for (Map.Entry<String, List<CellInfo>> e : byOptimizer.entrySet()) {
      // A missing lr (NaN) is one column, "unset", last: Double.compareTo orders NaN above every
      // number and equal to itself.
      TreeSet<Double> lrs = new TreeSet<>();
      List<String> rows = new ArrayList<>();
      Map<String, CellInfo> at = new LinkedHashMap<>();
      for (CellInfo c : e.getValue()) {
        double lr = lr(runs, c);
        lrs.add(lr);
        String row = rowLabel(c);
        if (!rows.contains(row)) {
          rows.add(row);
        }
        at.put(row + "\u0000" + lr, c);
      }
      grids.add(new Grid(e.getKey(), new ArrayList<>(lrs), rows, at));
    }
    return grids;
  }

  /**
   * The heatmaps of one workload ({@code index} numbers the workload in the chart ids), then a
   * note naming the optimizers without one.
   */
  static String html(ReportContext context, int index, List<CellInfo> cells) {
    Table runs = context.results().runs();
    StringBuilder html = new StringBuilder();
    List<String> leftOut = new ArrayList<>();
    int o = 1;
    for (Grid grid : grids(runs, cells)) {
      if (grid.drawn()) {
        String id = "outcome_" + index + "_" + o;
        html.append(chart(context, id, cells.get(0).workloadLabel(), grid));
      } else {
        leftOut.add(grid.shape());
      }
      o++;
    }
    if (!leftOut.isEmpty()) {
      html.append("<p class=\"note\">No outcome heatmap for ")
          .append(Html.escape(String.join(", ", leftOut)))
          .append(": a heatmap needs at least ")
          .append(MIN_SIDE)
          .append(" learning rates and ")
          .append(MIN_SIDE)
          .append(" clipping (or other) settings. The same numbers, final_loss per cell, are in")
          .append(" the stability table below.</p>\n");
    }
    return html.toString();
  }

  private static String chart(ReportContext context, String id, String workload, Grid grid) {
    Table runs = context.results().runs();
    ArrayNode x = ScriptJson.array();
    grid.lrs().forEach(lr -> x.add(Double.isNaN(lr) ? "unset" : Numbers.format(lr)));
    ArrayNode y = ScriptJson.array();
    grid.rows().forEach(r -> y.add(ChartText.sanitize(r)));
    ArrayNode z = ScriptJson.array();
    ArrayNode zDiverged = ScriptJson.array();
    ArrayNode text = ScriptJson.array();
    for (String row : grid.rows()) {
      ArrayNode zr = z.addArray();
      ArrayNode dr = zDiverged.addArray();
      ArrayNode tr = text.addArray();
      for (double lr : grid.lrs()) {
        CellInfo c = grid.cell(row, lr);
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
        ScriptJson.array()
            .add(ScriptJson.array().add(0).add("#5a0010"))
            .add(ScriptJson.array().add(1).add("#5a0010")));
    diverged.set("textfont", ScriptJson.object().put("color", "#ffffff"));
    Chart chart =
        new Chart(id, workload + ": " + grid.optimizer() + " outcome", "clipping")
            .xTitle("learning rate")
            .height(Math.max(260, 120 + 60 * grid.rows().size()))
            .trace(outcome)
            .trace(diverged);
    chart.xAxis().put("type", "category");
    chart.yAxis().put("type", "category").put("automargin", true);
    return context.chart(
        chart,
        "Outcome of "
            + grid.optimizer()
            + " per learning rate and clipping: final_loss, mean over the n seeds that did not"
            + " diverge (colour: log10 of the mean; text: mean [95% Student-t interval], n,"
            + " and the seeds that diverged, counted, not averaged), or dark red with each"
            + " seed's divergence step when every seed diverged.");
  }

  /**
   * A heatmap cell's text: {@code 0.1356 (n=2)} over {@code [0.05354, 0.2176]}; two lines keep
   * the cells narrow.
   */
  static String outcomeText(Estimate loss, RunStats.Divergence div) {
    String interval = EstimateText.valueAndInterval(loss);
    int split = interval.indexOf(" [");
    String value = split < 0 ? interval : interval.substring(0, split);
    String counts =
        div.diverged() > 0
            ? String.format(
                Locale.ROOT, " (n=%d, %d/%d div.)", div.finite(), div.diverged(), div.seeds())
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

  /** The heatmap row of a cell: its setting without the lr (clip, momentum, engine, …). */
  private static String rowLabel(CellInfo c) {
    return SettingLabels.withoutLr(c.setting());
  }
}
