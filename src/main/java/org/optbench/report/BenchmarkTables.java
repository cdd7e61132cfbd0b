package org.optbench.report;

import java.util.ArrayList;
import java.util.List;
import org.optbench.benchmark.Benchmark;
import org.optbench.benchmark.RunReach;
import org.optbench.benchmark.SolverScore;
import org.optbench.benchmark.WorkloadTarget;
import org.optbench.report.ReportTable.Column;
import org.optbench.report.ReportTable.Value;
import org.optbench.score.ExpectedBest;
import org.optbench.score.TimeAxis;
import org.optbench.spec.Trial;
import org.optbench.stats.Median;

/**
 * The tables of a tuned benchmark, shared by the report's sections and the {@code score} command
 * (which prints them as Markdown).
 */
public final class BenchmarkTables {

  private BenchmarkTables() {}

  /** The score table: one row per tuned optimizer. */
  public static ReportTable scores(Benchmark b) {
    String base = b.baseline().isEmpty() ? "the baseline" : b.baseline();
    ReportTable table = ReportTable.withColumns("benchmark_scores",
        "Scores over " + b.workloads().size() + " workload(s). score: the AlgoPerf benchmark score,"
            + " the integral of the performance profile over τ ∈ [1, " + Numbers.format(b.rMax())
            + "] divided by " + Numbers.format(b.rMax() - 1) + " (1 = fastest on every workload);"
            + " times are external-tuning times in " + unit(b.axis()) + ". fastest on: workloads"
            + " it reached the target first. speed-up: geometric mean over workloads of "
            + base + "'s time / its time, over the workloads both reached. IQM: interquartile"
            + " mean over workloads × seeds of the final runs' progress to the target (0 at the"
            + " first evaluation, 1 at the target; diverged runs count 0), 95% stratified"
            + " bootstrap interval. P(better than " + base + "): probability that a final run"
            + " of it gets further than one of " + base + " on the same workload, mean over"
            + " workloads, 95% stratified bootstrap interval, unpaired.",
        List.of(Column.text("optimizer"), Column.text("score"), Column.text("fastest on"),
            Column.text("speed-up vs " + base), Column.estimate("IQM progress"),
            Column.estimate("P(better than " + base + ")")));
    for (SolverScore s : b.scores()) {
      table.row(
          Value.text(s.solver()),
          Value.number(s.score()),
          Value.text(s.fastestOn() + " of " + b.workloads().size()),
          // The baseline's speed-up over itself is 1: a number, so the CSV column stays numeric.
          s.speedUp() == null
              ? s.solver().equals(b.baseline()) ? Value.of("1 (baseline)", 1) : Value.text("–")
              : s.speedUp().used() == 0
                  ? Value.of("– (no workload reached by both)", Double.NaN)
                  : Value.of(s.speedUp().describe(), s.speedUp().geometricMean()),
          Value.estimate(s.iqm() == null ? none("IQM") : s.iqm()),
          Value.estimate(s.improvement() == null ? none("P") : s.improvement()));
    }
    return table;
  }

  /** Each workload's target and where it came from. */
  public static ReportTable targets(Benchmark b) {
    ReportTable table = ReportTable.withColumns("benchmark_targets",
        "Targets: a run reaches its workload's target at the first evaluation whose held-out"
            + " metric is at least as good.",
        List.of(Column.text("workload"), Column.text("metric"), Column.text("target"),
            Column.text("set by")));
    for (WorkloadTarget t : b.targets()) {
      table.row(Value.text(t.workload()), Value.text(t.metric().column()),
          Value.number(t.value()), Value.text(t.how()));
    }
    for (String u : b.untargeted()) {
      int colon = u.indexOf(": ");
      table.row(Value.text(u.substring(0, colon)), Value.text("–"), Value.text("–"),
          Value.text(u.substring(colon + 2) + " (left out of the scores)"));
    }
    return table;
  }

  /**
   * External-tuning times as a workloads × optimizers matrix, each with its ratio to the
   * workload's fastest: the compact view of {@link #times}.
   */
  public static ReportTable timeMatrix(Benchmark b) {
    List<Column> columns = new ArrayList<>();
    columns.add(Column.text("workload"));
    b.solvers().forEach(s -> columns.add(Column.text(s)));
    ReportTable table = ReportTable.withColumns("benchmark_time_matrix",
        "External-tuning time to target in " + unit(b.axis()) + " (median over studies of the"
            + " fastest trial), with the ratio to the workload's fastest optimizer; ∞: never"
            + " reached.",
        columns);
    for (int w = 0; w < b.workloads().size(); w++) {
      Value[] row = new Value[columns.size()];
      row[0] = Value.text(b.workloads().get(w));
      for (int s = 0; s < b.solvers().size(); s++) {
        double t = b.times()[w][s];
        row[s + 1] = Double.isInfinite(t) ? Value.of("∞", t)
            : Value.of(Numbers.format(t) + " (" + Numbers.format(b.profile().ratio(w, s)) + "×)",
                t);
      }
      table.row(row);
    }
    return table;
  }

  /** Time to target per workload and optimizer. */
  public static ReportTable times(Benchmark b) {
    List<Column> columns = new ArrayList<>();
    columns.add(Column.text("workload"));
    columns.add(Column.text("optimizer"));
    columns.add(Column.text("external-tuning time (" + unit(b.axis()) + ")"));
    columns.add(Column.text("ratio to fastest"));
    columns.add(Column.text("trials reaching"));
    columns.add(Column.text("final runs reaching"));
    columns.add(Column.text("final runs' median steps"));
    columns.add(Column.text("final runs' median seconds"));
    ReportTable table = ReportTable.withColumns("benchmark_times",
        "Time to target. external-tuning time: per study the fastest trial's time to target,"
            + " median over studies (AlgoPerf); ∞ when never reached. Final runs: the selected"
            + " setting rerun on each seed; medians over the runs that reached the target."
            + " Seconds are training time, evaluation and warm-up excluded.",
        columns);
    for (int w = 0; w < b.workloads().size(); w++) {
      String workload = b.workloads().get(w);
      for (int s = 0; s < b.solvers().size(); s++) {
        String solver = b.solvers().get(s);
        List<RunReach> trials = b.runs(workload, solver, Trial.Role.TRIAL);
        List<RunReach> finals = b.runs(workload, solver, Trial.Role.FINAL);
        double[] steps = finals.stream().filter(r -> r.reach().reached())
            .mapToDouble(r -> r.reach().steps()).toArray();
        double[] seconds = finals.stream().filter(r -> r.reach().reached())
            .mapToDouble(r -> r.reach().seconds()).toArray();
        table.row(Value.text(workload), Value.text(solver),
            time(b.times()[w][s]),
            time(b.profile().ratio(w, s)),
            Value.text(count(trials) + " of " + trials.size()),
            Value.text(count(finals) + " of " + finals.size()),
            steps.length == 0 ? Value.text("–") : Value.number(Median.of(steps)),
            seconds.length == 0 ? Value.text("–") : Value.number(Median.of(seconds)));
      }
    }
    return table;
  }

  /** The step points of each optimizer's performance profile: the plot's data. */
  public static ReportTable profile(Benchmark b) {
    ReportTable table = ReportTable.withColumns("benchmark_profile",
        "Performance profiles as step functions: ρ(τ) holds from each τ to the next (the last up"
            + " to r_max); ρ(τ) is the share of workloads within a factor τ of the fastest"
            + " external-tuning time.",
        List.of(Column.text("optimizer"), Column.text("τ"), Column.text("ρ(τ)")));
    for (int s = 0; s < b.solvers().size(); s++) {
      var steps = b.profile().steps(s, b.rMax());
      double[] tau = steps.tau();
      double[] rho = steps.rho();
      for (int k = 0; k < tau.length; k++) {
        table.row(Value.text(b.solvers().get(s)), Value.number(tau[k]), Value.number(rho[k]));
      }
    }
    return table;
  }

  /**
   * Every trial: its setting, its select-metric value and its time to target (the data of the
   * sensitivity charts).
   */
  public static ReportTable trials(Benchmark b) {
    ReportTable table = ReportTable.withColumns("tuning_trials",
        "Every tuning trial: the optimizer's full setting, the study and the trial's point in the"
            + " sampler's sequence, its " + b.select().column() + " (NaN: diverged) and its time"
            + " to the workload's target (∞: never reached; – where the workload has no target).",
        List.of(Column.text("workload"), Column.text("optimizer"), Column.text("setting"),
            Column.text("study"), Column.text("trial"), Column.text(b.select().column()),
            Column.text("steps to target"), Column.text("seconds to target")));
    for (RunReach r : b.runs()) {
      if (r.role() != Trial.Role.TRIAL) {
        continue;
      }
      boolean targeted = b.workloads().contains(r.workload());
      table.row(Value.text(r.workload()), Value.text(r.solver()), Value.text(r.optimizerConfig()),
          Value.integer(r.study()), Value.integer(r.trial()), Value.number(r.selectValue()),
          targeted ? time(r.reach().steps()) : Value.text("–"),
          targeted ? time(r.reach().seconds()) : Value.text("–"));
    }
    return table;
  }

  /**
   * Expected best select-metric value of k trials drawn from the budget (Dodge et al. 2019), per
   * workload and optimizer, for k = 1, 2, 4, … up to all trials.
   */
  public static ReportTable budget(Benchmark b) {
    ReportTable table = ReportTable.withColumns("benchmark_budget",
        "Expected best " + b.select().column() + " of k trials drawn at random (with"
            + " replacement) from each optimizer's trials, all studies pooled (Dodge et al. 2019,"
            + " E[max of k] from the sorted trial scores); a diverged trial counts as the worst"
            + " finite trial, so that one divergence does not make every k infinite.",
        List.of(Column.text("workload"), Column.text("optimizer"), Column.text("k"),
            Column.text("expected best")));
    for (String workload : b.workloads()) {
      for (String solver : b.solvers()) {
        double[] curve = budgetCurve(b, workload, solver);
        for (int k = 1; k <= curve.length; k *= 2) {
          table.row(Value.text(workload), Value.text(solver), Value.integer(k),
              Value.number(curve[k - 1]));
        }
        if (curve.length > 0 && Integer.bitCount(curve.length) != 1) {
          table.row(Value.text(workload), Value.text(solver), Value.integer(curve.length),
              Value.number(curve[curve.length - 1]));
        }
      }
    }
    return table;
  }

  /**
   * E[best of k] for k = 1..n over one optimizer's trials on a workload. Diverged trials (NaN) are
   * replaced by the worst finite trial: a penalty that keeps the curve finite while never
   * rewarding divergence. Empty when no trial finished.
   */
  static double[] budgetCurve(Benchmark b, String workload, String solver) {
    List<RunReach> trials = b.runs(workload, solver, Trial.Role.TRIAL);
    double[] values = trials.stream().mapToDouble(RunReach::selectValue).toArray();
    var direction = b.select().higherIsBetter()
        ? org.optbench.score.Direction.HIGHER_IS_BETTER
        : org.optbench.score.Direction.LOWER_IS_BETTER;
    double worst = Double.NaN;
    for (double v : values) {
      if (Double.isFinite(v) && (Double.isNaN(worst) || direction.better(worst, v))) {
        worst = v;
      }
    }
    if (Double.isNaN(worst)) {
      return new double[0];
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        values[i] = worst;
      }
    }
    return ExpectedBest.curve(values, direction);
  }

  /** No estimate: the table shows a dash. */
  private static org.optbench.stats.Estimate none(String statistic) {
    return new org.optbench.stats.Estimate(statistic, Double.NaN,
        org.optbench.stats.Interval.none(0.95), 0, org.optbench.stats.Pairing.NONE, Double.NaN);
  }

  private static long count(List<RunReach> runs) {
    return runs.stream().filter(r -> r.reach().reached()).count();
  }

  private static Value time(double t) {
    return Double.isInfinite(t) ? Value.of("∞", t) : Value.number(t);
  }

  static String unit(TimeAxis axis) {
    return axis == TimeAxis.STEPS ? "steps" : "seconds";
  }
}
