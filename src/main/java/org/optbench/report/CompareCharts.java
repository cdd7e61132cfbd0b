package org.optbench.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.optbench.io.ResultFiles;
import org.optbench.io.ResultSeries;
import org.optbench.io.StepSeries;

/**
 * The training-loss chart of one compared cell: every seed of the baseline and of the current set
 * as its own thin line, so that a regression is seen seed by seed, as {@code compare} judges it
 * (per seed, or through the paired per-seed differences), and not through a mean that hides which
 * seed moved.
 *
 * <p>A baseline folder made by {@code baseline update} keeps no steps; for such a side the chart
 * marks each seed's final training loss (runs.csv {@code final_loss}) at its last step instead of
 * a curve. Each side's steps are read once, and only when a chart is drawn.
 */
final class CompareCharts {

  static final String BASELINE_COLOUR = "#1f77b4";
  static final String CURRENT_COLOUR = "#d62728";

  /** Points per line: a 1,000-step run keeps its extremes in 400 points (see Downsample). */
  private static final int POINTS = 400;

  private final Side baseline;
  private final Side current;

  CompareCharts(Path baselineDir, Path currentDir) {
    this.baseline = new Side(baselineDir);
    this.current = new Side(currentDir);
  }

  /** Whether either folder keeps steps: without any, there is no curve to draw. */
  boolean possible() {
    return baseline.hasSteps() || current.hasSteps();
  }

  /** The chart's figure element for {@code cell} under div id {@code id}. */
  String html(String id, CompareCell cell) {
    Chart chart = new Chart(id, cell.label() + ": training loss", "training loss")
        .points(POINTS)
        .height(380)
        .logWhenWide()
        // Six seed lines: a legend in rows under the plot keeps every entry visible at this height.
        .layout("legend", ScriptJson.object().put("orientation", "h").put("y", -0.3)
            .set("font", ScriptJson.object().put("size", 11)));
    draw(chart, "baseline", baseline, cell.baselineRuns(), BASELINE_COLOUR, "solid");
    draw(chart, "current", current, cell.currentRuns(), CURRENT_COLOUR, "dash");
    return chart.html(caption(cell));
  }

  private static void draw(Chart chart, String side, Side data, List<CompareCell.SeedRun>
      runs, String colour, String dash) {
    Optional<StepSeries> series = data.series();
    for (CompareCell.SeedRun run : runs) {
      String name = side + " seed " + run.seed();
      if (series.isPresent()) {
        StepSeries.Run steps = series.get().run(run.runId());
        double[] x = new double[steps.size()];
        double[] y = new double[steps.size()];
        float[] loss = steps.values("loss");
        for (int i = 0; i < x.length; i++) {
          x[i] = steps.steps()[i];
          y[i] = loss[i];
        }
        chart.line(name, x, y, colour, dash, null, side.equals("current") ? 1.5 : 1.2);
      } else if (Double.isFinite(run.finalLoss())) {
        chart.markers(name + " final loss", new double[] {run.stepsDone()},
            new double[] {run.finalLoss()}, colour, side.equals("current") ? "x" : "circle-open",
            true);
      }
    }
  }

  private String caption(CompareCell cell) {
    StringBuilder text = new StringBuilder("Training loss per step, one thin line per seed (no"
        + " mean, no band): baseline blue and solid, current red and dashed; a seed's two lines"
        + " share its data, initial weights and batch order.");
    for (Side side : new Side[] {baseline, current}) {
      if (!side.hasSteps()) {
        text.append(" The ").append(side == baseline ? "baseline" : "current")
            .append(" folder keeps no steps (a baseline written by baseline update): its seeds'"
                + " final training losses (runs.csv final_loss) are marked at their last step.");
      }
    }
    if (cell.currentRuns().isEmpty()) {
      text.append(" The current set has no run of this cell.");
    }
    return text.toString();
  }

  /** One folder and, once read, its steps. */
  private static final class Side {
    private final Path dir;
    private final boolean hasSteps;
    private StepSeries series;

    Side(Path dir) {
      this.dir = dir;
      this.hasSteps = ResultFiles.hasSteps(dir);
    }

    boolean hasSteps() {
      return hasSteps;
    }

    Optional<StepSeries> series() {
      if (!hasSteps) {
        return Optional.empty();
      }
      if (series == null) {
        series = ResultSeries.read(dir).steps();
      }
      return Optional.of(series);
    }
  }
}
