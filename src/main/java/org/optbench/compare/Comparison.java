package org.optbench.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.optbench.io.Manifest;
import org.optbench.io.PublishedRuns;
import org.optbench.io.ResultSetCheck;
import org.optbench.spec.RegressionSection;
import org.optbench.spec.SpecException;
import tech.tablesaw.api.Table;

/**
 * Compares a current result set (or baseline) with a baseline, cell by cell and seed by seed.
 *
 * <p>Runs are matched by cell (every axis value and configuration, and the step count) and seed
 * ({@link SeedPairs}). Then, per metric of {@link RegressionSection#METRICS}:
 *
 * <ul>
 *   <li>Where both sets come from one bit-reproducible code path ({@link Determinism}), <b>per
 *       seed, exactly</b> ({@link PerSeedJudge}): every changed seed worse is a regression, every
 *       one better an improvement, both ways "changed" — a failure too.
 *   <li>Elsewhere, <b>interval statistics</b> ({@link IntervalJudge}): the 95% paired t-interval
 *       of the per-seed change (Welch's, unpaired, without shared seeds) lying entirely beyond the
 *       metric's practical margin ({@link Tolerance}).
 *   <li>Divergence per seed in both cases ({@link DivergenceJudge}); optimizer state bytes always
 *       exactly; steps/s only relative to the set's own median, and only when a spec asks ({@link
 *       Throughput}).
 * </ul>
 *
 * A seed whose value is not finite on either side is left out of that metric: the divergence
 * check judges it. A baseline cell absent from the current set
 * is missing, and so is a baseline seed of a cell that is present (a grid that silently lost runs
 * must not pass); a new cell is listed and not judged.
 *
 * <pre>{@code
 * Comparison c = Comparison.of(Path.of("results/baselines/nightly"), Path.of("results/nightly"));
 * if (c.failures() > 0) System.exit(1);
 * }</pre>
 */
public final class Comparison {

  private final String experiment;
  private final Determinism determinism;
  private final List<ComparedCell> cells;
  private final List<Finding> findings;

  private Comparison(String experiment, Determinism determinism, List<ComparedCell> cells) {
    this.experiment = experiment;
    this.determinism = determinism;
    this.cells = List.copyOf(cells);
    this.findings = cells.stream().flatMap(c -> c.findings().stream()).toList();
  }

  /**
   * Compares {@code current} with {@code baseline}; both are result sets or baselines, each
   * checked whole before it is read ({@link ResultSetCheck#comparable}).
   *
   * @throws org.optbench.io.ResultSetException when either is damaged or holds no runs
   * @throws SpecException when the current set's spec has a bad {@code regression:} section
   */
  public static Comparison of(Path baseline, Path current) throws SpecException {
    Manifest was = ResultSetCheck.comparable(baseline);
    Manifest is = ResultSetCheck.comparable(current);
    Map<String, RegressionSection.Override> settings = RegressionSection.read(
        Path.of(is.specFile().isEmpty() ? "spec" : is.specFile()), is.specText());
    Determinism determinism = Determinism.of(was, is);
    Table baseRuns = PublishedRuns.runs(baseline);
    Table nowRuns = PublishedRuns.runs(current);
    Map<String, Double> targets = StepsToTarget.targets(baseline, baseRuns);
    Map<String, List<CellMetrics.Run>> base =
        CellMetrics.read(baseRuns, StepsToTarget.reach(baseline, baseRuns, targets));
    Map<String, List<CellMetrics.Run>> now =
        CellMetrics.read(nowRuns, StepsToTarget.reach(current, nowRuns, targets));

    List<ComparedCell> cells = new ArrayList<>();
    for (var cell : base.entrySet()) {
      CellMetrics.Run first = cell.getValue().get(0);
      List<CellMetrics.Run> runs = now.get(cell.getKey());
      List<Finding> found = new ArrayList<>();
      if (runs == null) {
        found.add(new Finding(first.label(), "-", Judgement.about(Judgement.Verdict.MISSING,
            "no run of this cell in the current set")));
        cells.add(new ComparedCell(first.label(), first.axes(), cell.getValue(), List.of(), found));
        continue;
      }
      SeedPairs pairs = SeedPairs.of(cell.getValue(), runs);
      if (pairs.paired() && !pairs.baselineOnly().isEmpty()) {
        found.add(new Finding(first.label(), "-", Judgement.about(Judgement.Verdict.MISSING,
            "no run for seed " + pairs.baselineOnly().stream().map(CellMetrics.Run::seed).toList()
                + " of the baseline")));
      }
      for (String metric : RegressionSection.METRICS) {
        Tolerance tolerance = Tolerance.of(metric, settings);
        if (tolerance.off()) {
          continue;
        }
        Judgement judgement = CellJudge.judge(metric, pairs, tolerance, determinism.deterministic());
        if (judgement != null) {
          found.add(new Finding(first.label(), metric, judgement));
        }
      }
      cells.add(new ComparedCell(first.label(), first.axes(), cell.getValue(), runs, found));
    }
    for (var cell : now.entrySet()) {
      if (!base.containsKey(cell.getKey())) {
        CellMetrics.Run first = cell.getValue().get(0);
        cells.add(new ComparedCell(first.label(), first.axes(), List.of(), cell.getValue(),
            List.of(new Finding(first.label(), "-",
                Judgement.about(Judgement.Verdict.NEW, "not in the baseline; not judged")))));
      }
    }
    return new Comparison(is.experiment(), determinism, cells);
  }

  public String experiment() {
    return experiment;
  }

  /** Whether seeds were compared exactly (both sets from one bit-reproducible path). */
  public boolean deterministic() {
    return determinism.deterministic();
  }

  /** Why seeds were, or were not, compared exactly. */
  public String determinismReason() {
    return determinism.reason();
  }

  /** Every finding: the baseline's cells in its order, each cell's metrics together, new cells last. */
  public List<Finding> findings() {
    return findings;
  }

  /** The same findings per cell, with the cell's runs on both sides. */
  List<ComparedCell> cells() {
    return cells;
  }

  /** How many findings have {@code verdict}. */
  public long count(Judgement.Verdict verdict) {
    return findings.stream().filter(f -> f.verdict() == verdict).count();
  }

  /**
   * Regressions, changes and missing cells or seeds, and improvements found per seed: what makes
   * {@code compare} exit 1. A value that reproduces exactly and now differs — a bit-reproducible
   * run, or an exact count such as state bytes — means the code path changed, for better or
   * worse; a nightly check passes only what it can vouch for, so an intended change is accepted by
   * updating the baseline ({@code baseline update}), which then records it in version control.
   */
  public long failures() {
    return findings.stream().filter(Comparison::fails).count();
  }

  /** Whether one finding makes {@code compare} exit 1 (see {@link #failures}). */
  public static boolean fails(Finding f) {
    return f.verdict().fails()
        || (f.verdict() == Judgement.Verdict.IMPROVEMENT
            && f.judgement().method() == Judgement.Method.PER_SEED);
  }
}
