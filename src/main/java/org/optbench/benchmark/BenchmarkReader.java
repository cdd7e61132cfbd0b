package org.optbench.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.optbench.io.ResultSeries;
import org.optbench.io.RunRoles;
import org.optbench.io.StepSeries;
import org.optbench.score.Aggregates;
import org.optbench.score.Direction;
import org.optbench.score.ExternalTuningTime;
import org.optbench.score.Normalisation;
import org.optbench.score.PerformanceProfile;
import org.optbench.score.ProbabilityOfImprovement;
import org.optbench.score.Reach;
import org.optbench.score.SpeedUp;
import org.optbench.score.TimeAxis;
import org.optbench.score.TimeToTarget;
import org.optbench.spec.Component;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.Target;
import org.optbench.spec.TargetMetric;
import org.optbench.spec.Trial;
import org.optbench.spec.TunedOptimizer;
import org.optbench.spec.TuningSettings;
import org.optbench.stats.Estimate;
import org.optbench.stats.Median;
import tech.tablesaw.api.Table;

/**
 * Scores a tuned benchmark from its result set and spec ({@link Benchmark}). The definitions, as
 * docs/benchmarking.md states them:
 *
 * <ul>
 *   <li><b>Target</b> of a workload: given in the spec, or derived from the final runs of a named
 *       tuned optimizer: the median over those runs of the best value each reaches at an
 *       evaluation within the first {@code within} (default 3/4) of the steps (how AlgoPerf sets
 *       its validation targets from its target-setting runs, with a budget of 4/3 of their time).
 *   <li><b>Time to target</b> of a run: the steps, or the training seconds (evaluation and
 *       warm-up excluded), at the first evaluation whose held-out metric reaches the target; +∞
 *       when none does.
 *   <li><b>External-tuning time</b> of an optimizer on a workload: the median over studies of the
 *       fastest trial's time (AlgoPerf's external-tuning ruleset).
 *   <li><b>Progress</b> of a final run: (v − v₀)/(target − v₀) for its last held-out value v,
 *       with v₀ the workload's first evaluation (median over all its tuned runs); 1 at the
 *       target, 0 for a run that diverged.
 * </ul>
 */
public final class BenchmarkReader {

  private BenchmarkReader() {}

  /** The benchmark of a tuned spec's results; empty when the spec tunes nothing. */
  public static Optional<Benchmark> read(ResultSeries results, ExperimentSpec spec) {
    return read(results, spec, results);
  }

  /**
   * As {@link #read(ResultSeries, ExperimentSpec)}, with derived targets set from the reruns in
   * {@code targetSource} (a baseline result set of the same workloads) instead.
   */
  public static Optional<Benchmark> read(ResultSeries results, ExperimentSpec spec,
      ResultSeries targetSource) {
    if (!spec.tuning().active()) {
      return Optional.empty();
    }
    return Optional.of(new Scoring(results, spec, targetSource).benchmark());
  }

  /** One scoring pass over a result set. */
  private static final class Scoring {
    private final ResultSeries results;
    private final ResultSeries targetSource;
    private final ExperimentSpec spec;
    private final TuningSettings settings;
    private final Map<String, Component> workloadsByKey = new LinkedHashMap<>();

    Scoring(ResultSeries results, ExperimentSpec spec, ResultSeries targetSource) {
      this.results = results;
      this.targetSource = targetSource;
      this.spec = spec;
      this.settings = spec.tuning().settings();
      spec.workloads().forEach(w -> workloadsByKey.put(key(w.name(), w.config()), w));
    }

    Benchmark benchmark() {
      Table runs = results.runs();
      List<Row> rows = rows(runs);
      List<String> solvers = new ArrayList<>(new LinkedHashSet<>(
          rows.stream().map(Row::solver).toList()));
      List<String> workloads = new ArrayList<>();
      List<String> untargeted = new ArrayList<>();
      List<WorkloadTarget> targets = new ArrayList<>();
      List<Row> reference = targetSource == results ? rows : rows(targetSource.runs());
      for (Component w : spec.workloads()) {
        WorkloadTarget target = target(w, reference);
        if (target.defined()) {
          workloads.add(w.label());
          targets.add(target);
        } else {
          untargeted.add(w.label() + ": " + target.how());
        }
      }
      TimeAxis axis = settings.time() == TuningSettings.TimeUnit.SECONDS
          ? TimeAxis.SECONDS : TimeAxis.STEPS;
      List<RunReach> reaches = new ArrayList<>();
      for (Row row : rows) {
        int w = workloads.indexOf(row.workload);
        WorkloadTarget target = w < 0 ? null : targets.get(w);
        reaches.add(reach(row, target));
      }
      double[][] times = new double[workloads.size()][solvers.size()];
      for (int w = 0; w < workloads.size(); w++) {
        for (int s = 0; s < solvers.size(); s++) {
          times[w][s] = externalTime(reaches, workloads.get(w), solvers.get(s), axis);
        }
      }
      PerformanceProfile profile = workloads.isEmpty() ? null : PerformanceProfile.of(times);
      String baseline = baselineSolver(solvers);
      List<SolverScore> scores = new ArrayList<>();
      int b = solvers.indexOf(baseline);
      Map<String, Double> start = new LinkedHashMap<>();
      for (String workload : workloads) {
        start.put(workload, startValue(rows, workload));
      }
      for (int s = 0; s < solvers.size(); s++) {
        double score = profile == null ? Double.NaN : profile.score(s, settings.rMax());
        int fastest = 0;
        for (int w = 0; w < workloads.size(); w++) {
          fastest += profile.ratio(w, s) <= 1 ? 1 : 0;
        }
        SpeedUp speedUp = null;
        if (b >= 0 && b != s && !workloads.isEmpty()) {
          speedUp = SpeedUp.of(column(times, b), column(times, s));
        }
        List<double[]> mine = progress(reaches, workloads, targets, start, solvers.get(s));
        Estimate iqm = mine.isEmpty() ? null : Aggregates.iqm(mine);
        Estimate improvement = null;
        if (b >= 0 && b != s) {
          improvement = improvement(reaches, workloads, targets, start, solvers.get(s), baseline);
        }
        scores.add(new SolverScore(solvers.get(s), score, fastest, speedUp, iqm, improvement));
      }
      List<List<String>> tuned = solvers.stream().map(this::tunedNames).toList();
      return new Benchmark(spec.name(), workloads, untargeted, solvers, targets, axis, times,
          profile, settings.rMax(), baseline, scores, reaches, settings.select(), tuned);
    }

    /** A runs.csv row of a tuned run. */
    private record Row(String runId, String workload, String solver, Trial.Role role, int study,
        int trial, long seed, String optimizerConfig, double selectValue) {}

    private List<Row> rows(Table runs) {
      List<Row> rows = new ArrayList<>();
      if (!runs.containsColumn("role")) {
        return rows;
      }
      String select = settings.select().column();
      for (int i = 0; i < runs.rowCount(); i++) {
        Trial.Role role = RunRoles.role(runs, i);
        if (role == Trial.Role.GRID) {
          continue;
        }
        Component w = workloadsByKey.get(key(runs.stringColumn("workload").get(i),
            runs.stringColumn("workload_config").get(i)));
        if (w == null) {
          continue;
        }
        boolean diverged = runs.booleanColumn("diverged").get(i);
        double value = diverged ? Double.NaN : runs.doubleColumn(select).getDouble(i);
        rows.add(new Row(runs.stringColumn("run_id").get(i), w.label(),
            runs.stringColumn("solver").get(i), role, runs.intColumn("study").get(i),
            runs.intColumn("trial").get(i), runs.longColumn("seed").get(i),
            runs.stringColumn("optimizer_config").get(i), value));
      }
      return rows;
    }

    private WorkloadTarget target(Component workload, List<Row> rows) {
      Optional<Target> given = spec.tuning().target(workload);
      if (given.isEmpty()) {
        return new WorkloadTarget(workload.label(), TargetMetric.EVAL_LOSS, Double.NaN,
            "no target: give the workload target: {metric: ..., value: ...} or tuning: target");
      }
      Target t = given.get();
      if (!t.derived()) {
        return new WorkloadTarget(workload.label(), t.metric(), t.value(), "given in the spec");
      }
      Direction direction = direction(t.metric());
      List<Double> best = new ArrayList<>();
      for (Row row : rows) {
        if (row.role == Trial.Role.FINAL && row.workload.equals(workload.label())
            && tunedName(row.solver).equals(t.from())) {
          Evaluations e = evaluations(targetSource, row.runId, t.metric());
          double last = t.within() * spec.steps();
          double b = Double.NaN;
          for (int i = 0; i < e.values.length && e.steps[i] <= last; i++) {
            double v = e.values[i];
            if (!Double.isNaN(v) && (Double.isNaN(b) || direction.better(v, b))) {
              b = v;
            }
          }
          if (Double.isFinite(b)) {
            best.add(b);
          }
        }
      }
      if (best.isEmpty()) {
        return new WorkloadTarget(workload.label(), t.metric(), Double.NaN, "no target: it is"
            + " derived from " + t.from() + ", which has no final run with a finite "
            + t.metric().column() + " here");
      }
      double median = Median.of(best.stream().mapToDouble(Double::doubleValue).toArray());
      String where = targetSource == results ? "" : " in " + targetSource.dir();
      return new WorkloadTarget(workload.label(), t.metric(), median, "median over "
          + t.from() + "'s " + best.size() + " final run(s)" + where + " of the best "
          + t.metric().column() + " each reached by step "
          + (int) Math.floor(t.within() * spec.steps()));
    }

    private RunReach reach(Row row, WorkloadTarget target) {
      Reach reach = Reach.NEVER;
      double last = Double.NaN;
      if (target != null) {
        Evaluations e = evaluations(row.runId, target.metric());
        reach = TimeToTarget.first(e.steps, e.seconds, e.values, target.value(),
            direction(target.metric()));
        last = e.values.length == 0 ? Double.NaN : e.values[e.values.length - 1];
      }
      return new RunReach(row.runId, row.workload, row.solver, row.role, row.study, row.trial,
          row.seed, row.optimizerConfig, row.selectValue, last, reach);
    }

    /** A run's evaluations: the steps where eval_loss was recorded. */
    private record Evaluations(int[] steps, double[] seconds, double[] values) {}

    private Evaluations evaluations(String runId, TargetMetric metric) {
      return evaluations(results, runId, metric);
    }

    private static Evaluations evaluations(ResultSeries set, String runId, TargetMetric metric) {
      StepSeries.Run run = set.steps().run(runId);
      if (run == null) {
        return new Evaluations(new int[0], new double[0], new double[0]);
      }
      int[] steps = run.steps();
      float[] evalLoss = run.values("eval_loss");
      float[] value = run.values(metric.column());
      float[] wallMs = run.values("wall_ms");
      int n = 0;
      for (int i = 0; i < run.size(); i++) {
        n += Float.isNaN(evalLoss[i]) ? 0 : 1;
      }
      int[] s = new int[n];
      double[] sec = new double[n];
      double[] v = new double[n];
      int k = 0;
      for (int i = 0; i < run.size(); i++) {
        if (!Float.isNaN(evalLoss[i])) {
          s[k] = steps[i];
          sec[k] = wallMs[i] / 1000.0;
          v[k] = value[i];
          k++;
        }
      }
      return new Evaluations(s, sec, v);
    }

    private double externalTime(List<RunReach> reaches, String workload, String solver,
        TimeAxis axis) {
      Map<Integer, List<Reach>> studies = new java.util.TreeMap<>();
      for (RunReach r : reaches) {
        if (r.role() == Trial.Role.TRIAL && r.workload().equals(workload)
            && r.solver().equals(solver)) {
          studies.computeIfAbsent(r.study(), k -> new ArrayList<>()).add(r.reach());
        }
      }
      if (studies.isEmpty()) {
        return Double.POSITIVE_INFINITY;
      }
      return ExternalTuningTime.of(new ArrayList<>(studies.values()), axis);
    }

    /** v₀ of a workload: the median over its tuned runs of their first held-out value. */
    private double startValue(List<Row> rows, String workload) {
      TargetMetric metric = null;
      for (Component w : spec.workloads()) {
        if (w.label().equals(workload)) {
          metric = spec.tuning().target(w).map(Target::metric).orElse(TargetMetric.EVAL_LOSS);
        }
      }
      List<Double> first = new ArrayList<>();
      for (Row row : rows) {
        if (row.workload.equals(workload)) {
          Evaluations e = evaluations(row.runId, metric);
          if (e.values.length > 0 && Double.isFinite(e.values[0])) {
            first.add(e.values[0]);
          }
        }
      }
      return first.isEmpty() ? Double.NaN
          : Median.of(first.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Per workload with final runs of {@code solver}, each final run's progress to the target. */
    private List<double[]> progress(List<RunReach> reaches, List<String> workloads,
        List<WorkloadTarget> targets, Map<String, Double> start, String solver) {
      List<double[]> out = new ArrayList<>();
      for (int w = 0; w < workloads.size(); w++) {
        double[] p = progressOf(reaches, workloads.get(w), targets.get(w), start, solver);
        if (p.length > 0) {
          out.add(p);
        }
      }
      return out;
    }

    private double[] progressOf(List<RunReach> reaches, String workload, WorkloadTarget target,
        Map<String, Double> start, String solver) {
      double v0 = start.get(workload);
      if (!Double.isFinite(v0) || v0 == target.value()) {
        return new double[0];
      }
      return reaches.stream()
          .filter(r -> r.role() == Trial.Role.FINAL && r.workload().equals(workload)
              && r.solver().equals(solver))
          .mapToDouble(r -> Double.isFinite(r.finalValue())
              ? Normalisation.progress(r.finalValue(), v0, target.value()) : 0.0)
          .toArray();
    }

    private Estimate improvement(List<RunReach> reaches, List<String> workloads,
        List<WorkloadTarget> targets, Map<String, Double> start, String solver,
        String baseline) {
      List<double[]> x = new ArrayList<>();
      List<double[]> y = new ArrayList<>();
      for (int w = 0; w < workloads.size(); w++) {
        double[] a = progressOf(reaches, workloads.get(w), targets.get(w), start, solver);
        double[] c = progressOf(reaches, workloads.get(w), targets.get(w), start, baseline);
        if (a.length > 0 && c.length > 0) {
          x.add(a);
          y.add(c);
        }
      }
      return x.isEmpty() ? null
          : ProbabilityOfImprovement.estimate(x, y, Direction.HIGHER_IS_BETTER);
    }

    /** The first solver of the protocol's baseline optimizer; empty when there is none. */
    private String baselineSolver(List<String> solvers) {
      if (settings.baseline().isEmpty()) {
        return "";
      }
      return solvers.stream().filter(s -> tunedName(s).equals(settings.baseline()))
          .findFirst().orElse("");
    }

    /** The tuned entry's name of a solver (its clip, schedule and engine suffix removed). */
    private String tunedName(String solver) {
      for (TunedOptimizer t : spec.tuning().optimizers()) {
        if (solver.equals(t.name()) || solver.startsWith(t.name() + " · ")) {
          return t.name();
        }
      }
      return solver;
    }

    private List<String> tunedNames(String solver) {
      for (TunedOptimizer t : spec.tuning().optimizers()) {
        if (t.name().equals(tunedName(solver))) {
          return t.tunedNames();
        }
      }
      return List.of();
    }
  }

  static Direction direction(TargetMetric metric) {
    return metric.higherIsBetter() ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER;
  }

  private static String key(String name, String config) {
    return name + "{" + config + "}";
  }

  private static double[] column(double[][] table, int c) {
    return Arrays.stream(table).mapToDouble(row -> row[c]).toArray();
  }
}
