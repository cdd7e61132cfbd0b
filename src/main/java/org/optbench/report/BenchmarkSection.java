package org.optbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.optbench.benchmark.Benchmark;
import org.optbench.score.ProfileSteps;

/**
 * A tuned benchmark's result: each workload's target, the performance profiles of the tuned
 * optimizers over the workloads (Dolan &amp; Moré 2002), the score table and the time to target
 * per workload.
 */
final class BenchmarkSection implements ReportSection {

  @Override
  public String id() {
    return "benchmark";
  }

  @Override
  public String title() {
    return "Benchmark";
  }

  @Override
  public boolean appliesTo(ReportContext context) {
    return context.benchmark().isPresent();
  }

  @Override
  public String html(ReportContext context) {
    Benchmark b = context.benchmark().orElseThrow();
    StringBuilder html = new StringBuilder();
    html.append("<p>Every tuned optimizer had the same budget: the trials of each study drawn"
        + " from its search space, the best trial by ").append(Html.escape(b.select().column()))
        .append(" rerun on every seed. Scores follow AlgoPerf's external-tuning ruleset on"
        + " time to target in ").append(BenchmarkTables.unit(b.axis()))
        .append("; docs/benchmarking.md gives the formulas.</p>\n");
    html.append(context.table(BenchmarkTables.targets(b)));
    if (b.workloads().isEmpty()) {
      html.append("<p>No workload has a target, so nothing can be scored.</p>\n");
      return html.toString();
    }
    html.append(context.chart(profileChart(b), "Performance profiles: ρ(τ), the share of workloads on"
        + " which an optimizer's external-tuning time is within a factor τ of the fastest"
        + " optimizer's; higher and further left is better. The score is the area under each"
        + " curve up to τ = " + Numbers.format(b.rMax()) + ", divided by "
        + Numbers.format(b.rMax() - 1) + "."));
    html.append(context.table(BenchmarkTables.scores(b)));
    html.append(context.table(BenchmarkTables.timeMatrix(b)));
    html.append(context.table(BenchmarkTables.times(b)));
    html.append(context.table(BenchmarkTables.profile(b)));
    return html.toString();
  }

  private static Chart profileChart(Benchmark b) {
    Chart chart = new Chart("benchmark-profile", "Performance profiles over "
        + b.workloads().size() + " workload(s)", "ρ(τ): share of workloads")
        .xTitle("τ: ratio to the fastest external-tuning time");
    chart.yAxis().put("range", ScriptJson.numbers(new double[] {-0.02, 1.02}));
    // Legend in score order, each name with its score: profiles of equal optimizers coincide,
    // and the legend still tells them apart.
    List<Integer> order = new ArrayList<>();
    for (int s = 0; s < b.solvers().size(); s++) {
      order.add(s);
    }
    order.sort(Comparator.comparingDouble((Integer s) -> -b.scores().get(s).score()));
    for (int s : order) {
      ProfileSteps steps = b.profile().steps(s, b.rMax());
      Styles.Style style = Styles.ofIndex(s);
      var trace = ScriptJson.object().put("type", "scatter").put("mode", "lines+markers")
          .put("name", ChartText.sanitize(b.solvers().get(s) + " · score "
              + Numbers.format(b.scores().get(s).score())));
      trace.set("x", ScriptJson.numbers(steps.tau()));
      trace.set("y", ScriptJson.numbers(steps.rho()));
      trace.set("line", ScriptJson.object().put("shape", "hv").put("color", style.colour())
          .put("dash", style.dash()).put("width", 2));
      trace.set("marker", ScriptJson.object().put("symbol", style.symbol()).put("size", 7)
          .put("color", style.colour()));
      chart.trace(trace);
    }
    return chart;
  }
}
