package org.optbench.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.optbench.io.ResultSet;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Line;

/**
 * The charts of one workload: training loss, eval accuracy and eval loss (where measured), and
 * gradient norms before and after clipping (for clipped cells).
 */
final class CurveCharts {

  private static final String THINNED =
      " Lines are thinned to at most "
          + Downsample.MAX_POINTS
          + " points for display, keeping each bucket's extremes; steps.csv has every step.";

  private final ResultSet results;
  private final Styles styles;
  private final Map<String, List<double[]>> divergences;

  CurveCharts(ResultSet results, Styles styles) {
    this.results = results;
    this.styles = styles;
    this.divergences = divergences(results.runs(), results.steps());
  }

  /** The charts of workload number {@code index} (1-based), as HTML. */
  String html(int index, List<CellInfo> cells) {
    StringBuilder html = new StringBuilder();
    List<String> labels = cells.stream().map(CellInfo::cell).toList();
    String workload = cells.get(0).workloadLabel();

    Chart loss = new Chart("loss_" + index, workload + ": training loss", "loss").logWhenWide();
    List<SeedCurves.Curve> lossCurves = SeedCurves.of(results.steps(), labels, "loss");
    for (int i = 0; i < cells.size(); i++) {
      CellInfo c = cells.get(i);
      loss.band(
          c.setting(), lossCurves.get(i), styles.colour(c), styles.bandColour(c), styles.dash(c));
    }
    for (CellInfo c : cells) {
      List<double[]> points = divergences.getOrDefault(c.cell(), List.of());
      if (!points.isEmpty()) {
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        loss.crosses("diverged: " + c.setting(), x, y, styles.colour(c), true);
      }
    }
    html.append(
        loss.html(
            "Training loss per step: mean over seeds (line), min to max over seeds (band)."
                + " Colour: optimizer; dash pattern: clipping. ✕: a seed diverged at that step"
                + " (drawn at its last finite loss); it leaves the mean from there on."
                + THINNED));

    evalChart(
            cells,
            labels,
            "eval_accuracy_" + index,
            workload + ": eval accuracy",
            "accuracy",
            "eval_accuracy",
            false)
        .ifPresent(html::append);
    evalChart(
            cells,
            labels,
            "eval_loss_" + index,
            workload + ": eval loss",
            "loss",
            "eval_loss",
            true)
        .ifPresent(html::append);
    gradNormChart(index, workload, cells).ifPresent(html::append);
    return html.toString();
  }

  private Optional<String> evalChart(
      List<CellInfo> cells,
      List<String> labels,
      String id,
      String title,
      String yTitle,
      String metric,
      boolean log) {
    List<SeedCurves.Curve> curves = SeedCurves.of(results.steps(), labels, metric);
    if (curves.stream().allMatch(SeedCurves.Curve::isEmpty)) {
      return Optional.empty(); // not measured for this workload (e.g. regression)
    }
    Chart chart = new Chart(id, title, yTitle);
    if (log) {
      chart.logWhenWide();
    }
    for (int i = 0; i < cells.size(); i++) {
      CellInfo c = cells.get(i);
      chart.band(
          c.setting(), curves.get(i), styles.colour(c), styles.bandColour(c), styles.dash(c));
    }
    return Optional.of(
        chart.html(
            "Held-out "
                + yTitle
                + " at each evaluation: mean over seeds (line), min to max"
                + " (band)."));
  }

  private Optional<String> gradNormChart(int index, String workload, List<CellInfo> cells) {
    List<CellInfo> clipped = cells.stream().filter(CellInfo::clipped).toList();
    if (clipped.isEmpty()) {
      return Optional.empty();
    }
    List<String> labels = clipped.stream().map(CellInfo::cell).toList();
    List<SeedCurves.Curve> before = SeedCurves.of(results.steps(), labels, "grad_norm");
    List<SeedCurves.Curve> after = SeedCurves.of(results.steps(), labels, "grad_norm_clipped");
    Chart chart =
        new Chart(
                "grad_norm_" + index,
                workload + ": gradient norm before and after clipping",
                "global L2 norm")
            .logWhenWide();
    double firstStep = Double.POSITIVE_INFINITY;
    double lastStep = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < clipped.size(); i++) {
      CellInfo c = clipped.get(i);
      SeedCurves.Curve b = before.get(i);
      SeedCurves.Curve a = after.get(i);
      if (!b.isEmpty()) {
        chart.line(
            c.setting() + " before", b.step(), b.mean(), styles.colour(c), Line.Dash.DOT, 1.5);
        firstStep = Math.min(firstStep, b.step()[0]);
        lastStep = Math.max(lastStep, b.step()[b.step().length - 1]);
      }
      if (!a.isEmpty()) {
        chart.line(
            c.setting() + " after", a.step(), a.mean(), styles.colour(c), Line.Dash.SOLID, 2);
      }
    }
    if (firstStep <= lastStep) {
      TreeSet<Double> thresholds = new TreeSet<>();
      clipped.forEach(c -> c.maxNorm().ifPresent(thresholds::add));
      for (double maxNorm : thresholds) {
        chart.line(
            "max_norm = " + Numbers.format(maxNorm),
            new double[] {firstStep, lastStep},
            new double[] {maxNorm, maxNorm},
            "#555555",
            Line.Dash.LONG_DASH,
            1);
      }
    }
    return Optional.of(
        chart.html(
            "Global gradient norm, mean over seeds: dotted before clipping, solid after, grey"
                + " long dashes at each max_norm. Colour: optimizer."
                + THINNED));
  }

  /**
   * Per cell, the points where its seeds diverged: (divergence step, last finite loss of that run
   * up to the step), so the cross sits at the end of the run's curve.
   */
  private static Map<String, List<double[]>> divergences(Table runs, Table steps) {
    Map<String, Integer> stepOf = new HashMap<>();
    Map<String, String> cellOf = new HashMap<>();
    for (Row r : runs) {
      if (r.getBoolean("diverged")) {
        stepOf.put(r.getString("run_id"), r.getInt("diverged_step"));
        cellOf.put(r.getString("run_id"), r.getString("cell"));
      }
    }
    Map<String, Double> lastFinite = new HashMap<>();
    if (!stepOf.isEmpty()) {
      for (Row r : steps) {
        String run = r.getString("run_id");
        Integer at = stepOf.get(run);
        double loss = r.getDouble("loss");
        if (at != null && r.getInt("step") <= at && Double.isFinite(loss)) {
          lastFinite.put(run, loss);
        }
      }
    }
    Map<String, List<double[]>> byCell = new HashMap<>();
    stepOf.forEach(
        (run, step) ->
            byCell
                .computeIfAbsent(cellOf.get(run), c -> new ArrayList<>())
                .add(new double[] {step, lastFinite.getOrDefault(run, Double.NaN)}));
    return byCell;
  }
}
