package org.optbench.report;

import java.util.List;

/**
 * Where optimizers break: per optimizer a heatmap of outcome over learning rate × clipping ({@link
 * OutcomeHeatmaps}, where there is a grid to draw), gradient norms before and after clipping, for
 * adaptive clipping methods the threshold they reached, and a table per cell of divergence, final
 * loss, loss spikes ({@link LossSpikes}), fraction of steps clipped and largest gradient norm
 * ({@link StabilityTable}).
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
    html.append("<p class=\"note\">A <em>loss spike</em> is a step, after the first ")
        .append(LossSpikes.WARMUP)
        .append(", whose training loss is more than ")
        .append(plain(LossSpikes.FACTOR))
        .append("× the moving average of the run's earlier losses and, on a log scale, more than ")
        .append(plain(LossSpikes.SIGMAS))
        .append(" noise scales above it (average: EMA of ln loss, weight ")
        .append(plain(LossSpikes.EMA))
        .append("; noise scale: root of the EMA, weight ")
        .append(plain(LossSpikes.SCALE_EMA))
        .append(", of half the squared difference of successive ln losses), so that the jitter of")
        .append(" small minibatches is no spike; consecutive steps above count as one spike, so a")
        .append(" diverging tail is one. Spikes are found on every step (the training-loss charts")
        .append(" of the convergence section mark them). A run <em>diverges</em> when its loss or")
        .append(" gradient becomes non-finite; the runner stops it there. Outcome heatmaps are")
        .append(" drawn for optimizers with at least ")
        .append(OutcomeHeatmaps.MIN_SIDE)
        .append(" learning rates and ")
        .append(OutcomeHeatmaps.MIN_SIDE)
        .append(" other settings; the table at the end has the same final losses for every")
        .append(" cell.</p>\n");
    StabilityTable table = new StabilityTable();
    int index = 1;
    for (List<CellInfo> group : context.workloads().values()) {
      html.append("<h3 id=\"stability-")
          .append(index)
          .append("\">")
          .append(Html.escape(group.get(0).workloadLabel()))
          .append("</h3>\n");
      html.append(OutcomeHeatmaps.html(context, index, group));
      table.add(context, group);
      gradNorms(context, index, group).ifPresent(html::append);
      adaptiveThresholds(context, index, group).ifPresent(html::append);
      index++;
    }
    html.append(context.table(table.table()));
    return html.toString();
  }

  /** A constant as written in the code: 2, 7, 0.1, 0.05. */
  private static String plain(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private java.util.Optional<String> gradNorms(ReportContext context, int index, List<CellInfo> cells) {
    if (cells.stream().noneMatch(CellInfo::clipped)) {
      return java.util.Optional.empty();
    }
    String html = new SmallMultiples("grad_norm_" + index,
        cells.get(0).workloadLabel() + ": gradient norm before and after clipping",
        "global L2 norm", true,
        "Global gradient norm of the clipped settings, mean over the seeds with a value at each"
            + " step (no interval band, so that the two lines of a setting stay apart): dotted"
            + " before clipping, solid after, grey long dashes at each fixed max_norm.")
        .html(context, cells, (chart, c) -> {
          if (!c.clipped()) {
            return;
          }
          chart.cell(c);
          SeedCurves.Curve before = SeedCurves.of(
              context.results().steps(), c.cell(), context.runsOf(c.cell()), "grad_norm");
          SeedCurves.Curve after = SeedCurves.of(
              context.results().steps(), c.cell(), context.runsOf(c.cell()), "grad_norm_clipped");
          Styles.Style s = context.styles().of(c);
          if (!before.isEmpty()) {
            chart.line(c.setting() + " before", before.step(), before.mean(), s.colour(), "dot",
                null, 1.5);
            double[] steps = before.step();
            c.maxNorm().ifPresent(maxNorm -> chart.line(
                "max_norm = " + Numbers.format(maxNorm),
                new double[] {steps[0], steps[steps.length - 1]},
                new double[] {maxNorm, maxNorm}, "#555555", "longdash", null, 1));
          }
          if (!after.isEmpty()) {
            chart.line(c.setting() + " after", after.step(), after.mean(), s.colour(), "solid",
                s.symbol(), 2);
          }
        });
    return html.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(html);
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
    String html = new SmallMultiples("clip_threshold_" + index,
        cells.get(0).workloadLabel() + ": adaptive clipping threshold", "threshold", true,
        "Threshold of each adaptive clipping method per step (steps.csv clipping_threshold). "
            + BandCaption.of(context, adaptive)
            + " The threshold is the global-norm bound for autoclip,"
            + " zclip, lr_scaled and loss_feedback; the largest per-tensor element bound τ for"
            + " stat. AGC (a fixed ratio λ to each unit's weight norm) is not drawn.")
        .html(context, cells, (chart, c) -> {
          if (!c.adaptiveClip()) {
            return;
          }
          chart.cell(c);
          SeedCurves.Curve threshold = SeedCurves.of(
              context.results().steps(), c.cell(), context.runsOf(c.cell()), "clipping_threshold");
          chart.band(c.setting(), threshold, threshold.step(), context.styles().of(c));
        });
    // Empty for a result set written before the threshold was logged.
    return html.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(html);
  }
}
