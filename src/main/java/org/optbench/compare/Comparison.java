package org.optbench.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.optbench.io.PublishedRuns;
import org.optbench.io.ResultSetCheck;
import org.optbench.spec.RegressionSection;
import org.optbench.spec.SpecException;

/**
 * Compares a current result set (or baseline) with a baseline, cell by cell and metric by metric:
 * a metric regresses when the current seed median (the count, for diverged runs) lies outside the
 * baseline's {@link Tolerance band} on the worse side, and improves when outside on the better
 * side. A baseline cell absent from the current set is a regression too (a grid that silently
 * lost a cell must not pass); a new cell is listed and not judged.
 *
 * <pre>{@code
 * Comparison c = Comparison.of(Path.of("results/baselines/nightly"), Path.of("results/nightly"));
 * if (c.regressions() > 0) System.exit(1);
 * }</pre>
 */
public final class Comparison {

  /** What happened to one metric of one cell. */
  public enum Verdict { OK, REGRESSION, IMPROVEMENT, MISSING, NEW }

  /**
   * One line of the comparison.
   *
   * @param cell the cell's label
   * @param metric the metric, or "-" for a missing or new cell
   * @param baseline the baseline's seed median
   * @param lo lower end of the band
   * @param hi upper end of the band
   * @param current the current seed median
   */
  public record Finding(String cell, String metric, double baseline, double lo, double hi,
      double current, Verdict verdict) {}

  private final String experiment;
  private final List<Finding> findings;

  private Comparison(String experiment, List<Finding> findings) {
    this.experiment = experiment;
    this.findings = findings;
  }

  /**
   * Compares {@code current} with {@code baseline}; both are result sets or baselines, each
   * checked whole before it is read ({@link ResultSetCheck#comparable}).
   *
   * @throws org.optbench.io.ResultSetException when either is damaged or holds no runs
   */
  public static Comparison of(Path baseline, Path current) throws IOException, SpecException {
    ResultSetCheck.comparable(baseline);
    ResultSetCheck.comparable(current);
    Map<String, RegressionSection.Override> overrides =
        RegressionSection.read(PublishedRuns.manifest(current).specText());
    CellMetrics base = CellMetrics.read(baseline, null);
    Map<String, Double> targets = new java.util.HashMap<>();
    if (java.nio.file.Files.isRegularFile(baseline.resolve(Baseline.TARGETS))) {
      var table = Baseline.readTargets(baseline);
      for (int row = 0; row < table.rowCount(); row++) {
        targets.put(table.stringColumn("cell_key").get(row), table.doubleColumn("target_loss").getDouble(row));
      }
    }
    CellMetrics now = CellMetrics.read(current, targets);
    List<Finding> findings = new ArrayList<>();
    for (var cell : base.cells().entrySet()) {
      List<CellMetrics.Run> was = cell.getValue();
      List<CellMetrics.Run> is = now.cells().get(cell.getKey());
      String label = was.get(0).label();
      if (is == null) {
        findings.add(new Finding(label, "-", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Verdict.MISSING));
        continue;
      }
      for (String metric : RegressionSection.METRICS) {
        Tolerance tolerance = Tolerance.of(metric, overrides);
        if (tolerance.off()) {
          continue;
        }
        List<Double> before = was.stream().map(r -> r.values().get(metric)).toList();
        List<Double> after = is.stream().map(r -> r.values().get(metric)).toList();
        double[] seeds = metric.equals("diverged_runs")
            ? new double[] {aggregate(metric, before)} : Targets.finite(before);
        if (seeds.length == 0) {
          continue; // the baseline has no value (e.g. accuracy of a regression workload)
        }
        double b = aggregate(metric, before);
        double c = aggregate(metric, after);
        double[] band = tolerance.band(seeds, b);
        Verdict verdict;
        if (Double.isNaN(c)) {
          verdict = Verdict.REGRESSION;
        } else if (c > band[1]) {
          verdict = tolerance.higherIsBetter() ? Verdict.IMPROVEMENT : Verdict.REGRESSION;
        } else if (c < band[0]) {
          verdict = tolerance.higherIsBetter() ? Verdict.REGRESSION : Verdict.IMPROVEMENT;
        } else {
          verdict = Verdict.OK;
        }
        findings.add(new Finding(label, metric, b, band[0], band[1], c, verdict));
      }
    }
    for (var cell : now.cells().entrySet()) {
      if (!base.cells().containsKey(cell.getKey())) {
        findings.add(new Finding(cell.getValue().get(0).label(), "-", Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Verdict.NEW));
      }
    }
    return new Comparison(PublishedRuns.manifest(current).experiment(), findings);
  }

  /** Seed median, or for {@code diverged_runs} the count. */
  static double aggregate(String metric, List<Double> values) {
    if (metric.equals("diverged_runs")) {
      return values.stream().mapToDouble(Double::doubleValue).sum();
    }
    return Targets.median(values);
  }

  public String experiment() {
    return experiment;
  }

  public List<Finding> findings() {
    return findings;
  }

  /** Regressions, missing cells included. */
  public long regressions() {
    return findings.stream()
        .filter(f -> f.verdict() == Verdict.REGRESSION || f.verdict() == Verdict.MISSING)
        .count();
  }

  public long improvements() {
    return findings.stream().filter(f -> f.verdict() == Verdict.IMPROVEMENT).count();
  }
}
