package org.optbench.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.optbench.io.AtomicFiles;
import org.optbench.io.GeneratedPages;
import org.optbench.io.OutputLocations;

/** A comparison as a console table and as a self-contained HTML page. */
public final class ComparisonReport {

  private static final String INDEX = "index.html";

  private ComparisonReport() {}

  /** Regressions, missing cells, improvements and new cells, one per line, then a tally. */
  public static String text(Comparison c) {
    StringBuilder out = new StringBuilder();
    List<Comparison.Finding> shown =
        c.findings().stream().filter(f -> f.verdict() != Comparison.Verdict.OK).toList();
    if (!shown.isEmpty()) {
      out.append(String.format(Locale.ROOT, "%-11s  %-22s  %12s  %-27s  %12s  %s%n",
          "verdict", "metric", "baseline", "band", "current", "cell"));
      for (Comparison.Finding f : shown) {
        out.append(String.format(Locale.ROOT, "%-11s  %-22s  %12s  %-27s  %12s  %s%n",
            f.verdict().name().toLowerCase(Locale.ROOT), f.metric(), num(f.baseline()),
            "[" + num(f.lo()) + ", " + num(f.hi()) + "]", num(f.current()), f.cell()));
      }
    }
    out.append(String.format(Locale.ROOT,
        "%s: %d regressions, %d improvements, %d checks within tolerance%n", c.experiment(),
        c.regressions(), c.improvements(),
        c.findings().stream().filter(f -> f.verdict() == Comparison.Verdict.OK).count()));
    return out.toString();
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
    for (Comparison.Finding f : c.findings()) {
      rows.append("<tr class=\"").append(f.verdict().name().toLowerCase(Locale.ROOT)).append("\"><td>")
          .append(f.verdict().name().toLowerCase(Locale.ROOT)).append("</td><td>")
          .append(escape(f.cell())).append("</td><td>").append(f.metric()).append("</td><td>")
          .append(num(f.baseline())).append("</td><td>[").append(num(f.lo())).append(", ")
          .append(num(f.hi())).append("]</td><td>").append(num(f.current())).append("</td></tr>\n");
    }
    String page = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">%7$s<title>%1$s: comparison with baseline</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}
        td,th{border:1px solid #ccc;padding:.25em .5em;text-align:right}td:nth-child(2){text-align:left}
        tr.regression td,tr.missing td{background:#fdd}tr.improvement td{background:#dfd}tr.new td{background:#eef}
        </style></head><body>
        <h1>%1$s: comparison with baseline</h1>
        <p>baseline: <code>%2$s</code><br>current: <code>%3$s</code></p>
        <p><b>%4$d regressions</b>, %5$d improvements. A metric regresses when the current seed median
        leaves the baseline's band on the worse side: band = [min − widen·r − f, max + widen·r + f] over the
        baseline's seeds, r = max − min, f = max(atol, rtol·|median|) (see README).</p>
        <table><tr><th>verdict</th><th>cell</th><th>metric</th><th>baseline median</th><th>band</th><th>current median</th></tr>
        %6$s</table></body></html>
        """.formatted(escape(c.experiment()), escape(baseline.toString()), escape(current.toString()),
            c.regressions(), c.improvements(), rows, GeneratedPages.MARK);
    Path index = dir.resolve(INDEX);
    AtomicFiles.writeString(index, page);
    return index;
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.5g", v);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
