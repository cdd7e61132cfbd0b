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
 * A comparison as a console table and as a self-contained HTML page. Console lines that report a
 * finding start with the verdict word and end with the cell label, for scripts
 * ({@code scripts/planted_regressions.py}).
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
    StringBuilder rows = new StringBuilder();
    for (Finding f : c.findings()) {
      Judgement j = f.judgement();
      String word = f.verdict().word();
      rows.append("<tr class=\"").append(word).append("\"><td>").append(word)
          .append("</td><td>").append(escape(f.cell())).append("</td><td>").append(f.metric())
          .append("</td><td>").append(j.method().label()).append("</td><td>")
          .append(j.n() == 0 ? "–" : Integer.toString(j.n())).append("</td><td>")
          .append(Printed.number(j.baseline())).append("</td><td>")
          .append(Printed.number(j.current())).append("</td><td>").append(escape(j.detail()))
          .append("</td></tr>\n");
    }
    String page = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">%7$s<title>%1$s: comparison with baseline</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:2em}p{max-width:60em}table{border-collapse:collapse}
        td,th{border:1px solid #ccc;padding:.25em .5em;text-align:right}td:nth-child(2),td:nth-child(8){text-align:left}
        tr.regression td,tr.missing td,tr.changed td{background:#fdd}tr.improvement td{background:#dfd}tr.new td{background:#eef}
        </style></head><body>
        <h1>%1$s: comparison with baseline</h1>
        <p>baseline: <code>%2$s</code><br>current: <code>%3$s</code><br>mode: %4$s</p>
        <p><b>%5$s</b></p>
        <p>How it is decided. Runs are matched by cell and seed; seeds are paired by design (same
        data, initial weights and batch order). When both result sets come from one bit-reproducible
        code path (one libtorch thread, same libtorch, DJL and Java versions, same cpu and os), every
        seed must reproduce its baseline value: a cell whose every changed seed got worse is a
        regression, every changed seed better an improvement, seeds changed both ways are
        “changed”; all three fail the check, since a path that reproduced no longer does (accept
        an intended change with <code>baseline update</code>). Otherwise the mean per-seed change current − baseline, signed so
        that positive is worse, gets a 95%% Student-t interval (paired; Welch's when no seed is
        shared), and the cell regresses only when the whole interval lies beyond the metric's
        practical margin max(atol, rtol·|baseline mean|), improves when it lies entirely beyond the
        margin on the better side. A seed that diverges now but did not before is a regression in
        both cases; a seed whose value is NaN on either side is left out of that metric.
        Optimizer state bytes must match exactly; steps/s is judged, if a spec asks, only relative
        to the median of its own result set. Steps to target: the first step whose training loss,
        smoothed by a bias-corrected moving average (β = 0.9), is at or below the baseline cell's
        target L_final + 0.25·(L_first − L_final) (seed means), steps + 1 when never. A baseline
        cell or seed without a run here is missing (see README, “Nightly regression checks”).</p>
        <table><tr><th>verdict</th><th>cell</th><th>metric</th><th>method</th><th>n</th>
        <th>baseline mean</th><th>current mean</th><th>change</th></tr>
        %6$s</table></body></html>
        """.formatted(escape(c.experiment()), escape(baseline.toString()), escape(current.toString()),
            escape(mode(c)), escape(tally(c)), rows, GeneratedPages.MARK);
    Path index = dir.resolve(INDEX);
    AtomicFiles.writeString(index, page);
    return index;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
