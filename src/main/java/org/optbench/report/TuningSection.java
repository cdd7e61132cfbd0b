package org.optbench.report;

import java.util.List;
import org.optbench.benchmark.Benchmark;
import org.optbench.benchmark.RunReach;
import org.optbench.spec.Trial;

/**
 * How the tuning went: the select metric of every trial against each tuned hyperparameter
 * (DeepOBS's learning-rate sensitivity plot), and the expected best result of a budget of k trials
 * (Dodge et al. 2019), per workload.
 */
final class TuningSection implements ReportSection {

  @Override
  public String id() {
    return "tuning";
  }

  @Override
  public String title() {
    return "Tuning";
  }

  @Override
  public boolean appliesTo(ReportContext context) {
    return context.benchmark().isPresent();
  }

  @Override
  public String html(ReportContext context) {
    Benchmark b = context.benchmark().orElseThrow();
    StringBuilder html = new StringBuilder();
    html.append("<p>Each point is one trial: one setting, trained once on its study's seed."
        + " A flat curve means an optimizer forgiving of its setting; a narrow dip, one that"
        + " needs tuning. Diverged trials are drawn at the top of each chart as crosses.</p>\n");
    List<String> workloads = allWorkloads(b);
    int chart = 0;
    for (String workload : workloads) {
      for (String hyper : hyperparameters(b)) {
        html.append(context.chart(sensitivity(b, workload, hyper, chart++), "Trials on " + workload
            + ": " + b.select().column() + " against " + hyper + " (one point per trial;"
            + " crosses: diverged, drawn at the worst value of the chart)."));
      }
    }
    for (int w = 0; w < workloads.size(); w++) {
      Chart budget = new Chart("tuning-budget-" + w, "Expected best of k trials · "
          + workloads.get(w), "expected best " + b.select().column()).xTitle("k: trials")
          .logWhenWide();
      for (int s = 0; s < b.solvers().size(); s++) {
        double[] curve = BenchmarkTables.budgetCurve(b, workloads.get(w), b.solvers().get(s));
        double[] k = new double[curve.length];
        for (int i = 0; i < k.length; i++) {
          k[i] = i + 1;
        }
        budget.line(b.solvers().get(s), k, curve, Styles.ofIndex(s), 2);
      }
      html.append(context.chart(budget, "Expected best " + b.select().column() + " of k trials drawn at"
          + " random from the budget (Dodge et al. 2019); diverged trials count as the worst"
          + " finite one."));
    }
    html.append(context.table(BenchmarkTables.budget(b)));
    html.append(context.table(BenchmarkTables.trials(b)));
    return html.toString();
  }

  /** The workloads with trials, scored or not, in grid order. */
  private static List<String> allWorkloads(Benchmark b) {
    return b.runs().stream().map(RunReach::workload).distinct().toList();
  }

  /** Every tuned hyperparameter of any solver, in order of first appearance. */
  private static List<String> hyperparameters(Benchmark b) {
    return b.tuned().stream().flatMap(List::stream).distinct().toList();
  }

  private static Chart sensitivity(Benchmark b, String workload, String hyper, int index) {
    Chart chart = new Chart("tuning-sensitivity-" + index, workload + " · " + hyper,
        b.select().column()).xTitle(hyper).height(380).logWhenWide();
    boolean positive = true;
    // The worst finished trial of the chart: where diverged trials are drawn.
    double worst = Double.NaN;
    for (RunReach r : b.runs()) {
      double v = r.selectValue();
      if (r.workload().equals(workload) && r.role() == Trial.Role.TRIAL && Double.isFinite(v)
          && (Double.isNaN(worst) || (b.select().higherIsBetter() ? v < worst : v > worst))) {
        worst = v;
      }
    }
    for (int s = 0; s < b.solvers().size(); s++) {
      if (!b.tuned().get(s).contains(hyper)) {
        continue;
      }
      List<RunReach> trials = b.runs(workload, b.solvers().get(s), Trial.Role.TRIAL).stream()
          .sorted(java.util.Comparator.comparingDouble(r -> value(r, hyper)))
          .toList();
      double[] x = trials.stream().filter(r -> Double.isFinite(r.selectValue()))
          .mapToDouble(r -> value(r, hyper)).toArray();
      double[] y = trials.stream().filter(r -> Double.isFinite(r.selectValue()))
          .mapToDouble(RunReach::selectValue).toArray();
      double[] dx = trials.stream().filter(r -> !Double.isFinite(r.selectValue()))
          .mapToDouble(r -> value(r, hyper)).toArray();
      for (double v : x) {
        positive &= v > 0;
      }
      for (double v : dx) {
        positive &= v > 0;
      }
      Styles.Style style = Styles.ofIndex(s);
      chart.line(b.solvers().get(s), x, y, style, 1.5);
      if (dx.length > 0 && Double.isFinite(worst)) {
        double[] dy = new double[dx.length];
        java.util.Arrays.fill(dy, worst);
        chart.markers(b.solvers().get(s) + " diverged", dx, dy, style.colour(), "x", false);
      }
    }
    if (positive && hyper.equals("lr")) {
      chart.logX();
    }
    return chart;
  }

  /** A trial's value of a tuned hyperparameter, read from its optimizer_config. */
  static double value(RunReach r, String hyper) {
    for (String part : r.optimizerConfig().split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).equals(hyper)) {
        String v = part.substring(eq + 1);
        if (v.equals("true") || v.equals("false")) {
          return v.equals("true") ? 1 : 0;
        }
        try {
          return Double.parseDouble(v);
        } catch (NumberFormatException e) {
          return Double.NaN;
        }
      }
    }
    return Double.NaN;
  }
}
