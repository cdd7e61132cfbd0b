package org.optbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One plotly chart, written as a {@code <figure>} with a {@code <div>} to draw into and the
 * figure's JSON in a data block ({@code <script type="application/json" class="chart-data"
 * data-chart="id">}, which the browser does not run), which the page's renderer ({@code
 * report.js}) parses and draws when it scrolls into view, adds PNG and SVG download, and marks the div {@code
 * data-rendered="true"} once plotly is done.
 *
 * <p>Seed bands use plotly's {@code fill: 'tonexty'}, which fills between a trace and the trace
 * before it: an invisible lower curve is added first, then the upper curve filled down to it, then
 * the mean line on top. Lines carry a few markers (shape per optimizer) so that optimizers stay
 * apart in greyscale print.
 *
 * <p>A t-interval of a positive quantity (a loss) can reach below zero, where a log axis has no
 * place. When a band reaches below everything else on a log axis, the y range is set from the
 * lines, markers and upper band edges, and lower band edges below its bottom (zero and negative ones
 * included) are drawn at the bottom: the band runs off the axis there instead of leaving a hole
 * that would read as "no uncertainty".
 */
final class Chart {

  /** Above this ratio of largest to smallest positive value, the y axis turns logarithmic. */
  private static final double LOG_SPAN = 100;

  private final String id;
  private final ArrayNode traces = ScriptJson.array();
  private final ObjectNode layout = ScriptJson.object();
  private final ObjectNode xAxis = ScriptJson.object();
  private final ObjectNode yAxis = ScriptJson.object();
  private final List<ObjectNode> bandBottoms = new ArrayList<>();
  private int points = Downsample.MAX_POINTS;
  /** Smallest and largest positive y of lines: what decides a log axis. */
  private double minPositive = Double.POSITIVE_INFINITY;
  private double maxPositive = 0;
  /** Smallest and largest positive y of lines, markers and upper band edges. */
  private double shownMin = Double.POSITIVE_INFINITY;
  private double shownMax = 0;
  private boolean logAllowed;
  private boolean logX;
  /** Smallest and largest finite y drawn (lines, markers, band edges): a shared linear range. */
  private double finiteMin = Double.POSITIVE_INFINITY;
  private double finiteMax = Double.NEGATIVE_INFINITY;
  /** Whether {@link #shareY} fixed the y range for this chart and its siblings. */
  private boolean sharedY;
  /** Whether {@link #band} draws its interval (off in small multiples, {@link #meanLinesOnly}). */
  private boolean bands = true;
  /** The filter data given to the traces added from now on ({@link #cell}), or null. */
  private ObjectNode filter;

  /**
   * @param id the div id: letters, digits, '_' and '-'; also the file name of downloaded images
   */
  Chart(String id, String title, String yTitle) {
    if (!id.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
      throw new IllegalArgumentException("chart id must be [A-Za-z_][A-Za-z0-9_-]*: " + id);
    }
    this.id = id;
    layout.put("title", ChartText.sanitize(title));
    layout.put("height", 460);
    layout.put("hovermode", "closest");
    layout.set("legend", ScriptJson.object().set("font", ScriptJson.object().put("size", 11)));
    xAxis.put("title", "step");
    yAxis.put("title", ChartText.sanitize(yTitle));
  }

  String id() {
    return id;
  }

  boolean isEmpty() {
    return traces.isEmpty();
  }

  /** Points per line after thinning. */
  Chart points(int maxPoints) {
    this.points = maxPoints;
    return this;
  }

  Chart xTitle(String title) {
    xAxis.put("title", ChartText.sanitize(title));
    return this;
  }

  Chart logX() {
    logX = true;
    return this;
  }

  Chart height(int pixels) {
    layout.put("height", pixels);
    return this;
  }

  /** Any other layout entry (plotly's names). */
  Chart layout(String key, JsonNode value) {
    layout.set(key, value);
    return this;
  }

  ObjectNode xAxis() {
    return xAxis;
  }

  ObjectNode yAxis() {
    return yAxis;
  }

  /**
   * Tags the traces added from now on with {@code cell}'s axis values ({@code meta.filter}), by
   * which the page's filter controls show and hide them.
   */
  Chart cell(CellInfo cell) {
    filter = ScriptJson.object();
    for (CellAxis axis : CellAxis.values()) {
      filter.put(axis.key(), cell.part(axis));
    }
    return this;
  }

  /**
   * Gives {@code charts} one y axis: small multiples are compared by eye only on a common scale.
   * The values of all of them decide log or linear, and the range is fixed to cover them all.
   */
  static void shareY(List<Chart> charts) {
    double minPos = Double.POSITIVE_INFINITY;
    double maxPos = 0;
    double shownLo = Double.POSITIVE_INFINITY;
    double shownHi = 0;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Chart c : charts) {
      minPos = Math.min(minPos, c.minPositive);
      maxPos = Math.max(maxPos, c.maxPositive);
      shownLo = Math.min(shownLo, c.shownMin);
      shownHi = Math.max(shownHi, c.shownMax);
      lo = Math.min(lo, c.finiteMin);
      hi = Math.max(hi, c.finiteMax);
    }
    for (Chart c : charts) {
      c.minPositive = minPos;
      c.maxPositive = maxPos;
      c.shownMin = shownLo;
      c.shownMax = shownHi;
      c.finiteMin = lo;
      c.finiteMax = hi;
      c.sharedY = true;
    }
  }

  /**
   * Draws {@link #band}s as their mean line only: in a small chart of ten settings, ten
   * overlapping intervals hide the lines they belong to.
   */
  Chart meanLinesOnly() {
    bands = false;
    return this;
  }

  /** Use a log y axis when the values span more than two decades (losses, norms). */
  Chart logWhenWide() {
    logAllowed = true;
    return this;
  }

  /**
   * The mean of {@code curve} as a line, over the band of its 95% t-interval where there is one
   * (two or more seeds at a step).
   */
  Chart band(String name, SeedCurves.Curve curve, double[] x, Styles.Style style) {
    if (curve.isEmpty()) {
      return this;
    }
    if (bands && curve.hasBand()) {
      Downsample.Band band = Downsample.envelope(x, curve.low(), curve.high(), points);
      ObjectNode none = ScriptJson.object().put("width", 0).put("color", style.band());
      ObjectNode bottom =
          trace(name + " ci low", band.x(), band.lo())
              .put("mode", "lines")
              .put("showlegend", false)
              .put("hoverinfo", "skip")
              .put("legendgroup", name)
              .set("line", none);
      add(bottom);
      bandBottoms.add(bottom);
      add(
          trace(name + " ci high", band.x(), band.hi())
              .put("mode", "lines")
              .put("fill", "tonexty")
              .put("fillcolor", style.band())
              .put("showlegend", false)
              .put("hoverinfo", "skip")
              .put("legendgroup", name)
              .set("line", none.deepCopy()));
      observeShown(band.hi());
    }
    return line(name, x, curve.mean(), style, 2);
  }

  /** A line in a cell's style, thinned to the chart's points per line. */
  Chart line(String name, double[] x, double[] y, Styles.Style style, double width) {
    return line(name, x, y, style.colour(), style.dash(), style.symbol(), width);
  }

  /** A line, thinned to the chart's points per line; {@code symbol} null for no markers. */
  Chart line(
      String name,
      double[] x,
      double[] y,
      String colour,
      String dash,
      String symbol,
      double width) {
    Downsample.Line thin = Downsample.minMax(x, y, points);
    ObjectNode trace =
        trace(name, thin.x(), thin.y())
            .put("mode", symbol == null ? "lines" : "lines+markers")
            .put("legendgroup", name);
    trace.set(
        "line",
        ScriptJson.object().put("color", colour).put("dash", dash).put("width", width));
    if (symbol != null) {
      trace.set(
          "marker",
          ScriptJson.object()
              .put("symbol", symbol)
              .put("size", 7)
              .put("color", colour)
              .put("maxdisplayed", 10));
    }
    add(trace);
    observe(thin.y());
    return this;
  }

  /** Markers at the given points, e.g. where runs diverged. */
  Chart markers(
      String name, double[] x, double[] y, String colour, String symbol, boolean inLegend) {
    ObjectNode trace = trace(name, x, y).put("mode", "markers").put("showlegend", inLegend);
    trace.set(
        "marker", ScriptJson.object().put("symbol", symbol).put("size", 11).put("color", colour));
    add(trace);
    observeShown(y);
    return this;
  }

  /**
   * Markers on the line named {@code line} (its loss spikes, say), shown and hidden with that line's
   * legend entry instead of taking one of their own.
   */
  Chart markersOn(
      String line, String name, double[] x, double[] y, String colour, String symbol) {
    ObjectNode trace =
        trace(name, x, y).put("mode", "markers").put("showlegend", false).put("legendgroup", line);
    trace.set(
        "marker",
        ScriptJson.object()
            .put("symbol", symbol)
            .put("size", 9)
            .put("color", colour)
            .set("line", ScriptJson.object().put("color", colour).put("width", 1.5)));
    add(trace);
    observeShown(y);
    return this;
  }

  /** A trace built by the caller (heatmap, bar). */
  Chart trace(ObjectNode trace) {
    add(trace);
    return this;
  }

  /**
   * The plotly figure ({@code data} and {@code layout}) with its axes decided: log scales where the
   * values span more than {@link #LOG_SPAN}. Call once, when the chart is complete.
   */
  ObjectNode figure() {
    boolean logY = logAllowed && maxPositive > 0 && maxPositive / minPositive > LOG_SPAN;
    if (logY) {
      yAxis.put("type", "log");
      yAxis.put("title", yAxis.get("title").asText() + " (log)");
      if (sharedY && shownMax > 0) {
        double lo = Math.log10(shownMin);
        double hi = Math.log10(shownMax);
        double margin = 0.05 * Math.max(hi - lo, 1);
        yAxis.set("range", ScriptJson.array().add(lo - margin).add(hi + margin));
      }
      bandsToLogBottom();
    } else if (sharedY && finiteMax >= finiteMin) {
      double margin = 0.05 * Math.max(finiteMax - finiteMin, Math.abs(finiteMax) * 1e-3 + 1e-12);
      yAxis.set("range", ScriptJson.array().add(finiteMin - margin).add(finiteMax + margin));
    }
    if (logX) {
      xAxis.put("type", "log");
    }
    layout.set("xaxis", xAxis);
    layout.set("yaxis", yAxis);
    ObjectNode figure = ScriptJson.object();
    figure.set("data", traces);
    figure.set("layout", layout);
    return figure;
  }

  /** The chart's figure element: container, caption with downloads, and script. */
  String html(String caption) {
    return html(caption, figure());
  }

  /** The figure element of {@code figure} (from {@link #figure()}) under {@code caption}. */
  String html(String caption, ObjectNode figure) {
    return "<figure class=\"chart\" id=\"figure-"
        + id
        + "\">\n<div id=\""
        + id
        + "\" class=\"plot\" data-chart></div>\n<figcaption>"
        + Html.escape(caption)
        + " <span class=\"downloads\">"
        + "<button type=\"button\" data-download=\"png\" data-chart=\""
        + id
        + "\">PNG</button> <button type=\"button\" data-download=\"svg\" data-chart=\""
        + id
        + "\">SVG</button></span></figcaption>\n<script type=\"application/json\""
        + " class=\"chart-data\" data-chart=\""
        + id
        + "\">"
        + ScriptJson.write(figure)
        + "</script>\n</figure>\n";
  }

  /** Whether {@code x} is an arithmetic run of integers (at least two). */
  static boolean everyStep(double[] x) {
    if (x.length < 2) {
      return false;
    }
    double dx = x[1] - x[0];
    if (dx <= 0 || dx != Math.rint(dx) || x[0] != Math.rint(x[0])) {
      return false;
    }
    for (int i = 1; i < x.length; i++) {
      if (x[i] != x[0] + i * dx) {
        return false;
      }
    }
    return true;
  }

  private static ObjectNode trace(String name, double[] x, double[] y) {
    ObjectNode trace = ScriptJson.object().put("type", "scatter").put("name", ChartText.sanitize(name));
    if (everyStep(x)) {
      // Unthinned steps 1, 2, 3, ...: plotly's x0 and dx say it in two numbers, which keeps a
      // thousand cells' curves from repeating their x values three times each.
      trace.put("x0", (long) x[0]).put("dx", (long) (x[1] - x[0]));
    } else {
      trace.set("x", ScriptJson.numbers(x));
    }
    trace.set("y", ScriptJson.numbers(y));
    return trace;
  }

  /**
   * On a log y axis: when a band reaches below everything else drawn, fixes the range to the
   * lines, markers and upper band edges (5% margin, in decades) and draws every lower band edge
   * below the range at its bottom.
   */
  private void bandsToLogBottom() {
    double lowest = Double.POSITIVE_INFINITY;
    for (ObjectNode bottom : bandBottoms) {
      for (JsonNode y : bottom.get("y")) {
        if (!y.isNull()) {
          lowest = Math.min(lowest, y.asDouble());
        }
      }
    }
    if (lowest >= shownMin) {
      return; // plotly's own range shows every band whole
    }
    double lo = Math.log10(shownMin);
    double hi = Math.log10(shownMax);
    double margin = 0.05 * Math.max(hi - lo, 1);
    yAxis.set("range", ScriptJson.array().add(lo - margin).add(hi + margin));
    double floor = Math.pow(10, lo - margin);
    for (ObjectNode bottom : bandBottoms) {
      ArrayNode y = (ArrayNode) bottom.get("y");
      for (int i = 0; i < y.size(); i++) {
        if (!y.get(i).isNull() && y.get(i).asDouble() < floor) {
          y.set(i, (float) floor);
        }
      }
    }
  }

  private void add(ObjectNode trace) {
    if (filter != null) {
      trace.set("meta", ScriptJson.object().set("filter", filter.deepCopy()));
    }
    traces.add(trace);
    JsonNode ys = trace.get("y");
    if (ys != null && ys.isArray()) {
      for (JsonNode y : ys) {
        if (y.isNumber() && Double.isFinite(y.asDouble())) {
          finiteMin = Math.min(finiteMin, y.asDouble());
          finiteMax = Math.max(finiteMax, y.asDouble());
        }
      }
    }
  }

  private void observe(double[] values) {
    for (double v : values) {
      if (v > 0 && Double.isFinite(v)) {
        minPositive = Math.min(minPositive, v);
        maxPositive = Math.max(maxPositive, v);
      }
    }
    observeShown(values);
  }

  private void observeShown(double[] values) {
    for (double v : values) {
      if (v > 0 && Double.isFinite(v)) {
        shownMin = Math.min(shownMin, v);
        shownMax = Math.max(shownMax, v);
      }
    }
  }
}
