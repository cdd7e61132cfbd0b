package org.optbench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.io.CrossCheckTable;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * The report's cross-check section, from {@code crosscheck.csv}: per cell a curve of the largest
 * relative difference per step (log y), a table of each cell's worst step, and a verdict line
 * that, for DJL's built-in optimizers, names the departure from torch.optim that explains it.
 */
public final class CrossCheckSection implements ReportSection {

  /** Lockstep agreement asked of matching semantics: relative 1e-6 per step. */
  static final double LOCKSTEP_RTOL = 1e-6;

  /** Okabe &amp; Ito's palette, as the curve charts use. */
  private static final List<String> COLOURS = List.of(
      "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#000000");

  @Override
  public String id() {
    return "crosscheck";
  }

  @Override
  public String title() {
    return "Cross-check";
  }

  @Override
  public boolean appliesTo(ReportContext context) {
    return java.nio.file.Files.isRegularFile(context.resultsDir().resolve(CrossCheckTable.FILE));
  }

  @Override
  public String html(ReportContext context) {
    return html(context.resultsDir());
  }

  /** The section's body, or "" when the result set has no cross-check. */
  public static String html(Path resultsDir) {
    return CrossCheckTable.read(resultsDir).map(CrossCheckSection::html).orElse("");
  }

  /** Per cell and mode: the largest max_rel of each step, and the worst row. */
  private static final class Summary {
    final String cell;
    final String mode;
    final String optimizerConfig;
    final String clip;
    final Map<Integer, Double> perStep = new LinkedHashMap<>();
    int stepsBeyond;
    final java.util.Set<Integer> beyond = new java.util.HashSet<>();
    double worstRel = -1;
    double worstAbs;
    int worstStep;
    String worstTensor = "";

    Summary(Row row) {
      cell = row.getString("cell");
      mode = row.getString("crosscheck_mode");
      optimizerConfig = row.getString("optimizer_config");
      clip = row.getString("clip_method");
    }

    void add(Row row) {
      int step = row.getInt("step");
      double rel = row.getDouble("max_rel");
      perStep.merge(step, rel, Math::max);
      if (row.getString("verdict").equals("beyond") && beyond.add(step)) {
        stepsBeyond++;
      }
      if (rel > worstRel || Double.isNaN(rel)) {
        worstRel = rel;
        worstAbs = row.getDouble("max_abs");
        worstStep = step;
        worstTensor = row.getString("tensor");
      }
    }
  }

  static String html(Table table) {
    Map<String, Summary> summaries = new LinkedHashMap<>();
    for (Row row : table) {
      summaries.computeIfAbsent(row.getString("cell") + "|" + row.getString("crosscheck_mode"),
          k -> new Summary(row)).add(row);
    }
    StringBuilder html = new StringBuilder();
    html.append("<p>The engine-side optimizer (DJL) against the native Java one. Lockstep: both")
        .append(" start every step from the same parameters and state with the same gradients;")
        .append(" max_rel is the difference of the updates relative to the largest update of the")
        .append(" tensor, one float32 ulp of the parameter allowed (states: relative to the")
        .append(" largest state value). Trajectory: both train independently from the same start;")
        .append(" max_rel is the parameters' (or the loss's) relative distance.</p>\n");
    for (String mode : List.of("lockstep", "trajectory")) {
      Chart c = new Chart("crosscheck_" + mode, mode + ": largest relative difference per step",
          "max_rel").logWhenWide();
      int i = 0;
      for (Summary s : summaries.values()) {
        if (!s.mode.equals(mode)) {
          continue;
        }
        double[] x = new double[s.perStep.size()];
        double[] y = new double[s.perStep.size()];
        int k = 0;
        for (Map.Entry<Integer, Double> e : s.perStep.entrySet()) {
          x[k] = e.getKey();
          y[k++] = e.getValue();
        }
        c.line(s.cell, x, y, COLOURS.get(i++ % COLOURS.size()), "solid", null, 1.5);
      }
      if (!c.isEmpty()) {
        html.append(c.html("Largest max_rel over tensors at each step"
            + (mode.equals("lockstep") ? "; lockstep tolerance 1e-6." : ".")));
      }
    }
    html.append("<table>\n<thead><tr><th>cell</th><th>mode</th><th>worst max_rel</th>")
        .append("<th>max_abs</th><th>step</th><th>tensor</th><th>steps beyond</th></tr></thead>\n")
        .append("<tbody>\n");
    for (Summary s : summaries.values()) {
      html.append("<tr><td>").append(Html.escape(s.cell)).append("</td><td>").append(s.mode)
          .append("</td><td>").append(Numbers.format(s.worstRel)).append("</td><td>")
          .append(Numbers.format(s.worstAbs)).append("</td><td>").append(s.worstStep)
          .append("</td><td>").append(Html.escape(s.worstTensor)).append("</td><td>")
          .append(s.mode.equals("lockstep") ? String.valueOf(s.stepsBeyond) : "–")
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n<ul class=\"verdicts\">\n");
    for (Summary s : summaries.values()) {
      html.append("<li>").append(Html.escape(verdict(s))).append("</li>\n");
    }
    return html.append("</ul>\n").toString();
  }

  private static String verdict(Summary s) {
    String where = " (worst " + Numbers.format(s.worstRel) + " at step " + s.worstStep + ", "
        + s.worstTensor + ")";
    if (s.mode.equals("trajectory")) {
      return s.cell + ": trajectories " + (s.worstRel <= 1e-3 ? "stay close" : "move apart")
          + where + ".";
    }
    if (s.stepsBeyond == 0) {
      return s.cell + ": agrees within 1e-6 at every step" + where + ".";
    }
    String line = s.cell + ": disagrees at " + s.stepsBeyond + " of " + s.perStep.size()
        + " steps" + where + ".";
    String why = builtinDeviation(s);
    return why.isEmpty() ? line : line + " " + why;
  }

  /** What DJL's built-in departs in, from the cell's optimizer configuration. */
  static String builtinDeviation(Summary s) {
    String config = s.optimizerConfig;
    if (!config.contains("impl=djl_builtin")) {
      return "";
    }
    List<String> reasons = new ArrayList<>();
    if (config.contains("beta1=")) {
      reasons.add("DJL's Adam uses the ε̂ form: ε is added to the uncorrected √v and √(1−β2ᵗ)"
          + " is folded into the step size, so the update differs wherever ε is not negligible"
          + " against √v");
      if (!config.contains("weight_decay=0,") && !config.contains("weight_decay=0.0,")) {
        reasons.add("its weight decay is " + (s.cell.contains("adamw") ? "DJL's own decoupled"
            + " form" : "an L2 term in the gradient"));
      }
    } else if (config.contains("momentum=") && !config.contains("momentum=0,")
        && !config.contains("momentum=0.0,")) {
      reasons.add("DJL's Sgd keeps MXNet-style momentum v = μv + lr·g (lr inside the buffer,"
          + " no dampening or Nesterov)");
    }
    if (s.clip.equals("value")) {
      reasons.add("DJL's optClipGrad clamps only from above: negative gradients pass unclipped");
    }
    return reasons.isEmpty() ? "" : "Explained by: " + String.join("; ", reasons) + ".";
  }
}
