package org.optbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optbench.report.ReportTable.Column;
import org.optbench.report.ReportTable.Value;
import org.optbench.stats.Estimate;
import org.optbench.stats.EstimateText;
import org.optbench.stats.SeedStatistics;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * The answer first: per workload, the settings with the lowest held-out loss (or smoothed final
 * training loss where nothing was held out), and whether the best is separated from the runner-up
 * by a paired comparison over the seeds they share. Seeds pair: one seed draws the same data,
 * initial weights and batch order in every cell, so the per-seed difference removes what the
 * cells have in common. Said to be undecided when the interval of the difference includes zero.
 */
final class HeadlineSection implements ReportSection {

  /** How many settings per workload the table lists. */
  static final int SHOWN = 3;

  /** Interval level of the estimates. */
  private static final double LEVEL = 0.95;

  /** Seeds beyond which the "how many would decide" estimate stops looking. */
  private static final int SEED_LIMIT = 1000;

  @Override
  public String id() {
    return "headline";
  }

  @Override
  public String title() {
    return "Headline";
  }

  /** Only when there is something to rank: some workload with two or more settings. */
  @Override
  public boolean appliesTo(ReportContext context) {
    return context.workloads().values().stream().anyMatch(cells -> cells.size() > 1);
  }

  @Override
  public String html(ReportContext context) {
    Table runs = context.results().runs();
    StringBuilder html = new StringBuilder();
    ReportTable table = ReportTable.withColumns("headline",
        "The " + SHOWN + " settings with the lowest metric per workload; " + RunStats.STATISTIC
            + ". Metric: final_eval_loss where the workload measures it, else final_loss_avg.",
        List.of(Column.text("workload"), Column.text("rank"), Column.text("setting"),
            Column.text("metric"), Column.estimate("value"), Column.text("diverged")));
    html.append("<ul class=\"headline\">\n");
    for (List<CellInfo> cells : context.workloads().values()) {
      if (cells.size() < 2) {
        continue;
      }
      String metric = measured(runs, cells, "final_eval_loss") ? "final_eval_loss" : "final_loss_avg";
      List<Ranked> ranked = new ArrayList<>();
      for (CellInfo c : cells) {
        Estimate e = RunStats.estimate(runs, c.cell(), metric);
        if (e.n() > 0) {
          ranked.add(new Ranked(c, e));
        }
      }
      ranked.sort(Comparator.comparingDouble(r -> r.estimate().value()));
      String workload = cells.get(0).workloadLabel();
      for (int i = 0; i < Math.min(SHOWN, ranked.size()); i++) {
        Ranked r = ranked.get(i);
        RunStats.Divergence div = RunStats.divergence(runs, r.cell().cell());
        table.row(Value.text(workload), Value.integer(i + 1), Value.text(r.cell().setting()),
            Value.text(metric), Value.estimate(r.estimate()),
            Value.text(div.diverged() + "/" + div.seeds()).css(div.diverged() > 0 ? "bad" : ""));
      }
      html.append("<li data-workload=\"").append(Html.escape(workload)).append("\"><strong>")
          .append(Html.escape(workload)).append("</strong>: ")
          .append(Html.escape(sentence(runs, metric, ranked, cells.size()))).append("</li>\n");
    }
    html.append("</ul>\n");
    return html.append(context.table(table)).toString();
  }

  /** What the ranking of one workload says, and how sure it is. */
  static String sentence(Table runs, String metric, List<Ranked> ranked, int settings) {
    if (ranked.isEmpty()) {
      return "every seed of all " + settings + " settings diverged or has no " + metric + ".";
    }
    Ranked best = ranked.get(0);
    String lead = best.cell().setting() + " has the lowest mean " + metric + ", "
        + EstimateText.valueAndInterval(best.estimate()) + " (n = " + best.estimate().n() + ")";
    if (ranked.size() < 2) {
      return lead + "; every other setting diverged on all seeds.";
    }
    Ranked second = ranked.get(1);
    double[][] paired = pairedBySeed(runs, metric, best.cell().cell(), second.cell().cell());
    if (paired[0].length < 2) {
      return lead + "; it shares " + (paired[0].length == 1 ? "one seed" : "no seed")
          + " with the runner-up " + second.cell().setting() + ", too few for an interval of the"
          + " difference: undecided (two or more shared seeds would give one).";
    }
    Estimate gap = SeedStatistics.pairedDifference(paired[0], paired[1], LEVEL);
    String difference = "paired difference to the runner-up " + second.cell().setting() + ": "
        + EstimateText.valueAndInterval(gap) + " over " + gap.n() + " seeds";
    if (gap.interval().defined() && gap.interval().high() < 0) {
      return lead + "; " + difference + ", below zero: the best is separated at 95%.";
    }
    int seeds = SeedStatistics.seedsToDecide(gap.value(), gap.sd(), LEVEL, SEED_LIMIT);
    return lead + "; " + difference + ", which includes zero: undecided"
        + (seeds == Integer.MAX_VALUE ? " (the mean difference is too small for any number of"
            + " seeds up to " + SEED_LIMIT + " to decide)"
            : seeds > gap.n() ? " (roughly " + seeds + " seeds would decide if the spread held)"
            : "") + ".";
  }

  /** The metric of two cells on the seeds both finished without diverging, in seed order. */
  private static double[][] pairedBySeed(Table runs, String metric, String a, String b) {
    Map<Long, Double> first = bySeed(runs, metric, a);
    Map<Long, Double> second = bySeed(runs, metric, b);
    List<Long> shared = first.keySet().stream().filter(second::containsKey).sorted().toList();
    double[][] out = new double[2][shared.size()];
    for (int i = 0; i < shared.size(); i++) {
      out[0][i] = first.get(shared.get(i));
      out[1][i] = second.get(shared.get(i));
    }
    return out;
  }

  private static Map<Long, Double> bySeed(Table runs, String metric, String cell) {
    Map<Long, Double> values = new HashMap<>();
    NumericColumn<?> column = (NumericColumn<?>) runs.column(metric);
    for (int r = 0; r < runs.rowCount(); r++) {
      if (runs.stringColumn("cell").get(r).equals(cell) && !runs.booleanColumn("diverged").get(r)
          && Double.isFinite(column.getDouble(r))) {
        values.put(runs.longColumn("seed").get(r), column.getDouble(r));
      }
    }
    return values;
  }

  private static boolean measured(Table runs, List<CellInfo> cells, String metric) {
    return cells.stream()
        .anyMatch(c -> RunStats.values(runs, c.cell(), metric).length > 0);
  }

  /** A setting with its estimate. */
  record Ranked(CellInfo cell, Estimate estimate) {}
}
