package org.optbench.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.optbench.io.AtomicFiles;
import org.optbench.io.GeneratedPages;
import org.optbench.io.OutputLocations;

/**
 * A comparison as a console table and as a self-contained HTML page ({@link ComparisonPage}).
 * Console lines that report a finding start with the verdict word and end with the cell label, for
 * scripts ({@code scripts/planted_regressions.py}).
 */
public final class ComparisonReport {

  private static final String INDEX = "index.html";
  private static final String ROW = "%-11s  %-21s  %-17s  %3s  %11s  %11s  %-60s  %s%n";

  private ComparisonReport() {}

  /** The rule in use, every finding but the unchanged ones, one per line, then a tally. */
  public static String text(Comparison c) {
    StringBuilder out = new StringBuilder();
    out.append("mode: ").append(mode(c)).append('\n');
    List<Finding> shown =
        c.findings().stream().filter(f -> f.verdict() != Judgement.Verdict.OK).toList();
    if (!shown.isEmpty()) {
      out.append(String.format(Locale.ROOT, ROW, "verdict", "metric", "method", "n", "baseline",
          "current", "change", "cell"));
      for (Finding f : shown) {
        Judgement j = f.judgement();
        out.append(String.format(Locale.ROOT, ROW, f.verdict().word(), f.metric(),
            j.method().label(), j.n() == 0 ? "-" : Integer.toString(j.n()),
            Printed.number(j.baseline()), Printed.number(j.current()), j.detail(), f.cell()));
      }
    }
    out.append(tally(c)).append('\n');
    return out.toString();
  }

  /** E.g. {@code nightly: 2 regressions, 0 changed, 0 missing, 1 improvement, ...}. */
  static String tally(Comparison c) {
    long undecided = c.findings().stream()
        .filter(f -> f.verdict() == Judgement.Verdict.OK && !f.judgement().interval().defined()
            && (f.judgement().method() == Judgement.Method.PAIRED_T
                || f.judgement().method() == Judgement.Method.WELCH_T))
        .count();
    return String.format(Locale.ROOT,
        "%s: %d regressions, %d changed, %d missing, %d improvements, %d new cells,"
            + " %d checks unchanged or within margin (%d of them without an interval: fewer than"
            + " 2 seeds)",
        c.experiment(), c.count(Judgement.Verdict.REGRESSION), c.count(Judgement.Verdict.CHANGED),
        c.count(Judgement.Verdict.MISSING), c.count(Judgement.Verdict.IMPROVEMENT),
        c.count(Judgement.Verdict.NEW), c.count(Judgement.Verdict.OK), undecided);
  }

  /** How seeds were compared, and why. */
  static String mode(Comparison c) {
    if (c.deterministic()) {
      return String.format(Locale.ROOT, "per-seed exact (bit-reproducible: %s); a seed changed"
          + " when |current − baseline| > max(%.0e, %.0e·|baseline|)", c.determinismReason(),
          Tolerance.SEED_ATOL, Tolerance.SEED_RTOL);
    }
    return "interval statistics (not bit-reproducible: " + c.determinismReason() + "); 95% paired"
        + " t-interval of the per-seed change (Welch's when no seed is shared) against the margin"
        + " max(atol, rtol·|baseline mean|)";
  }

  /**
   * What stops {@link #html} from writing {@code dir/index.html}, or empty: a folder that cannot be
   * written, or an index.html optbench did not write.
   */
  public static Optional<String> problem(Path dir) {
    return OutputLocations.folderProblem(dir)
        .or(() -> GeneratedPages.replaceProblem(dir.resolve(INDEX)));
  }

  /**
   * Writes {@code dir/index.html} and returns its path.
   *
   * @throws IOException when {@link #problem} finds one, or from the file system
   */
  public static Path html(Comparison c, Path baseline, Path current, Path dir) throws IOException {
    Optional<String> problem = problem(dir);
    if (problem.isPresent()) {
      throw new IOException(problem.get());
    }
    String page = ComparisonPage.html(c, baseline, current);
    Path index = dir.resolve(INDEX);
    AtomicFiles.writeString(index, page);
    return index;
  }
}
