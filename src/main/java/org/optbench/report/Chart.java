package org.optbench.report;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Config;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.components.Symbol;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * One plotly chart of curves over training steps, built with jsplot and rendered as a {@code <div>}
 * plus the script that draws into it.
 *
 * <p>Seed bands use plotly's {@code fill: 'tonexty'}, which fills between a trace and the trace
 * before it: an invisible lower curve is added first, then the upper curve filled down to it, then
 * the mean line on top.
 */
final class Chart {

  /** Above this ratio of largest to smallest positive value, the y axis turns logarithmic. */
  private static final double LOG_SPAN = 100;

  private final String id;
  private final String title;
  private final String yTitle;
  private final List<Trace> traces = new ArrayList<>();
  private double minPositive = Double.POSITIVE_INFINITY;
  private double maxPositive = 0;
  private boolean logAllowed;

  /**
   * @param id the div id, also a JavaScript identifier in jsplot's output: letters, digits, '_'
   */
  Chart(String id, String title, String yTitle) {
    if (!id.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("chart id must be an identifier: " + id);
    }
    this.id = id;
    this.title = ChartText.sanitize(title);
    this.yTitle = ChartText.sanitize(yTitle);
  }

  String id() {
    return id;
  }

  boolean isEmpty() {
    return traces.isEmpty();
  }

  /** Use a log y axis when the values span more than two decades (losses, norms). */
  Chart logWhenWide() {
    logAllowed = true;
    return this;
  }

  /** The mean of {@code curve} as a line, over a min–max band when the seeds differ. */
  Chart band(
      String name, SeedCurves.Curve curve, String colour, String bandColour, Line.Dash dash) {
    if (curve.isEmpty()) {
      return this;
    }
    if (curve.hasSpread()) {
      Downsample.Band band =
          Downsample.envelope(curve.step(), curve.min(), curve.max(), Downsample.MAX_POINTS);
      Line none = Line.builder().width(0).color(bandColour).build();
      traces.add(
          ScatterTrace.builder(band.x(), band.lo())
              .name(ChartText.sanitize(name) + " min")
              .mode(ScatterTrace.Mode.LINE)
              .line(none)
              .showLegend(false)
              .build());
      traces.add(
          ScatterTrace.builder(band.x(), band.hi())
              .name(ChartText.sanitize(name) + " max")
              .mode(ScatterTrace.Mode.LINE)
              .line(none)
              .fill(ScatterTrace.Fill.TO_NEXT_Y)
              .fillColor(bandColour)
              .showLegend(false)
              .build());
      observe(band.lo());
      observe(band.hi());
    }
    return line(name, curve.step(), curve.mean(), colour, dash, 2);
  }

  /** A line, thinned to {@link Downsample#MAX_POINTS}. */
  Chart line(String name, double[] x, double[] y, String colour, Line.Dash dash, double width) {
    Downsample.Line thin = Downsample.minMax(x, y, Downsample.MAX_POINTS);
    traces.add(
        ScatterTrace.builder(thin.x(), thin.y())
            .name(ChartText.sanitize(name))
            .mode(ScatterTrace.Mode.LINE)
            .line(Line.builder().color(colour).dash(dash).width(width).build())
            .build());
    observe(thin.y());
    return this;
  }

  /** Crosses at the given points, e.g. where runs diverged. */
  Chart crosses(String name, double[] x, double[] y, String colour, boolean inLegend) {
    traces.add(
        ScatterTrace.builder(x, y)
            .name(ChartText.sanitize(name))
            .mode(ScatterTrace.Mode.MARKERS)
            .marker(Marker.builder().symbol(Symbol.X).size(11).color(colour).build())
            .showLegend(inLegend)
            .build());
    return this;
  }

  /** The chart's container and script. */
  String html(String caption) {
    Axis.Type yType =
        logAllowed && maxPositive > 0 && maxPositive / minPositive > LOG_SPAN
            ? Axis.Type.LOG
            : Axis.Type.LINEAR;
    Layout layout =
        Layout.builder()
            .title(title)
            .width(1100)
            .height(480)
            .xAxis(Axis.builder().title("step").build())
            .yAxis(
                Axis.builder()
                    .title(yTitle + (yType == Axis.Type.LOG ? " (log)" : ""))
                    .type(yType)
                    .build())
            .build();
    // No plotly logo: it links to plotly.com, and the page should not invite a network request.
    Config config = Config.builder().displayLogo(false).responsive(true).build();
    Figure figure = new Figure(layout, config, traces.toArray(Trace[]::new));
    return "<figure class=\"chart\">\n<div id=\""
        + id
        + "\" class=\"plot\"></div>\n<figcaption>"
        + Html.escape(caption)
        + "</figcaption>\n"
        + figure.asJavascript(id)
        + "\n</figure>\n";
  }

  private void observe(double[] values) {
    for (double v : values) {
      if (v > 0 && Double.isFinite(v)) {
        minPositive = Math.min(minPositive, v);
        maxPositive = Math.max(maxPositive, v);
      }
    }
  }
}
