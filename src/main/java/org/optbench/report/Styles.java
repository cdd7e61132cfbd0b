package org.optbench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.EnumMap;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Map;

/**
 * How the cells of a report are told apart in its charts, fixed for the whole report so that a
 * setting looks the same in every chart. Colour encodes what varies among the compared cells, not
 * a fixed field: the first varying axis of optimizer setting, clipping, schedule and engine (four
 * Adam learning rates get four colours, not four shades of blue), the dash pattern the second.
 * Markers follow the colour, so that lines stay apart in greyscale print.
 *
 * <p>When a workload has more than {@link #MAX_LINES} cells, one chart would hold too many lines
 * to read: its charts become small multiples, one per value of the varying axes but one, on a
 * shared y axis, and colour encodes the axis with the fewest values (the nightly grid's 310 cells:
 * one chart per optimizer setting, ten clipping methods in each).
 */
final class Styles {

  /** The most lines (cells) one chart holds before a workload's charts become small multiples. */
  static final int MAX_LINES = 8;

  /** Okabe & Ito's colour-blind-safe palette (2008), yellow left out: it vanishes on white. */
  private static final List<String> COLOURS =
      List.of(
          "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999");

  /** plotly marker symbols, distinct in outline. */
  private static final List<String> SYMBOLS =
      List.of(
          "circle", "square", "diamond", "triangle-up", "x", "cross", "triangle-down", "star",
          "circle-open", "square-open");

  /** plotly dash patterns. */
  private static final List<String> DASHES =
      List.of("solid", "dash", "dot", "dashdot", "longdash", "longdashdot");

  /**
   * How one cell is drawn.
   *
   * @param colour line colour
   * @param band the colour, translucent, for the seed band
   * @param dash dash pattern
   * @param symbol marker shape
   */
  record Style(String colour, String band, String dash, String symbol) {

    /**
     * The marker shape, open with a dot in the middle, for events on the cell's line (loss spikes):
     * apart from the line's own markers, yet still the line's shape in greyscale print.
     */
    String eventSymbol() {
      return symbol.replace("-open", "") + "-open-dot";
    }
  }

  /**
   * The style of the {@code index}-th optimizer of a benchmark's charts: colour and marker by
   * index, and past the palette's eight colours a dash pattern too, so ten stay apart.
   */
  static Style ofIndex(int index) {
    String colour = COLOURS.get(index % COLOURS.size());
    return new Style(colour, translucent(colour), DASHES.get((index / COLOURS.size()) % DASHES.size()),
        SYMBOLS.get(index % SYMBOLS.size()));
  }

  /** For each axis but the workload, its values in grid order with their index. */
  private final Map<CellAxis, Map<String, Integer>> values = new EnumMap<>(CellAxis.class);
  private final Map<String, Integer> optimizerNames = new LinkedHashMap<>();
  private final List<CellAxis> varying = new ArrayList<>();
  /** What colour encodes, or null when the cells do not differ but in workload. */
  private final CellAxis colourAxis;
  /** What the dash pattern encodes, or null (then it continues the colours past eight). */
  private final CellAxis dashAxis;
  /** The axes whose values each get a small chart; empty for one chart per workload. */
  private final List<CellAxis> facetAxes = new ArrayList<>();

  /** Assigns styles in the order the cells come (the spec's order). */
  Styles(List<CellInfo> cells) {
    for (CellAxis axis : CellAxis.values()) {
      if (axis == CellAxis.WORKLOAD) {
        continue;
      }
      Map<String, Integer> seen = new LinkedHashMap<>();
      for (CellInfo c : cells) {
        seen.putIfAbsent(c.part(axis), seen.size());
      }
      values.put(axis, seen);
      if (seen.size() > 1) {
        varying.add(axis);
      }
    }
    for (CellInfo c : cells) {
      optimizerNames.putIfAbsent(optimizerName(c), optimizerNames.size());
    }
    int perWorkload = CellInfo.byWorkload(cells).values().stream()
        .mapToInt(List::size).max().orElse(0);
    if (varying.isEmpty()) {
      colourAxis = null;
      dashAxis = null;
    } else if (perWorkload <= MAX_LINES) {
      colourAxis = varying.get(0);
      dashAxis = varying.size() > 1 ? varying.get(1) : null;
    } else {
      CellAxis fewest = varying.get(0);
      for (CellAxis axis : varying) {
        if (values.get(axis).size() < values.get(fewest).size()) {
          fewest = axis;
        }
      }
      colourAxis = fewest;
      dashAxis = null;
      for (CellAxis axis : varying) {
        if (axis != colourAxis) {
          facetAxes.add(axis);
        }
      }
    }
  }

  Style of(CellInfo cell) {
    int c = colourAxis == null ? 0 : values.get(colourAxis).get(cell.part(colourAxis));
    String colour = COLOURS.get(c % COLOURS.size());
    String dash = dashAxis != null
        ? DASHES.get(values.get(dashAxis).get(cell.part(dashAxis)) % DASHES.size())
        : DASHES.get((c / COLOURS.size()) % DASHES.size());
    return new Style(colour, translucent(colour), dash, SYMBOLS.get(c % SYMBOLS.size()));
  }

  /** Whether the charts of a workload are small multiples. */
  boolean faceted() {
    return !facetAxes.isEmpty();
  }

  /**
   * The small multiples of one workload's {@code cells}: for each value of the facet axes (its
   * label, e.g. {@code adam(lr=0.01)}), the cells that share it, in grid order. One entry, titled
   * "", when the charts are not faceted.
   */
  Map<String, List<CellInfo>> facets(List<CellInfo> cells) {
    Map<String, List<CellInfo>> facets = new LinkedHashMap<>();
    for (CellInfo c : cells) {
      List<String> parts = new ArrayList<>();
      for (CellAxis axis : facetAxes) {
        parts.add(c.part(axis));
      }
      facets.computeIfAbsent(String.join(" · ", parts), k -> new ArrayList<>()).add(c);
    }
    return facets;
  }

  /** The axes that vary among the cells (workload aside), in {@link CellAxis} order. */
  List<CellAxis> varying() {
    return List.copyOf(varying);
  }

  /** What the lines' colour, markers and dashes encode, as a sentence for captions. */
  String encoding() {
    if (colourAxis == null) {
      return "One setting per workload.";
    }
    StringBuilder text = new StringBuilder();
    if (faceted()) {
      text.append("One small chart per ")
          .append(String.join(" × ", facetAxes.stream().map(CellAxis::noun).toList()))
          .append(", all on the same y axis; ");
    }
    text.append(faceted() ? "colour and marker: " : "Colour and marker: ").append(colourAxis.noun());
    if (dashAxis != null) {
      text.append("; dash pattern: ").append(dashAxis.noun());
    } else if (values.get(colourAxis).size() > COLOURS.size()) {
      text.append(" (past eight colours with a dash pattern)");
    }
    return text.append('.').toString();
  }

  /**
   * An HTML legend of the colour axis (and the dash axis), for small multiples, whose charts have
   * no legend of their own.
   */
  String legendHtml(List<CellInfo> cells) {
    StringBuilder html = new StringBuilder("<ul class=\"legend\">");
    Map<String, CellInfo> seen = new LinkedHashMap<>();
    for (CellInfo c : cells) {
      seen.putIfAbsent(colourAxis == null ? "" : c.part(colourAxis), c);
    }
    for (Map.Entry<String, CellInfo> e : seen.entrySet()) {
      Style s = of(e.getValue());
      html.append("<li><svg width=\"34\" height=\"10\" aria-hidden=\"true\"><line x1=\"1\" y1=\"5\""
              + " x2=\"33\" y2=\"5\" stroke-width=\"2.5\" stroke=\"")
          .append(s.colour())
          .append("\" stroke-dasharray=\"")
          .append(svgDash(s.dash()))
          .append("\"/></svg>")
          .append(Html.escape(e.getKey()))
          .append("</li>");
    }
    return html.append("</ul>\n").toString();
  }

  /** SVG's stroke-dasharray of a plotly dash pattern. */
  private static String svgDash(String dash) {
    return switch (dash) {
      case "dash" -> "6,3";
      case "dot" -> "2,3";
      case "dashdot" -> "6,3,2,3";
      case "longdash" -> "10,3";
      case "longdashdot" -> "10,3,2,3";
      default -> "none";
    };
  }

  String colour(CellInfo cell) {
    return of(cell).colour();
  }

  /** The colour of an optimizer by name (all its configs), for per-optimizer charts. */
  String colourOfName(String name) {
    Integer i = optimizerNames.get(name);
    return COLOURS.get((i == null ? 0 : i) % COLOURS.size());
  }

  static String optimizerName(CellInfo cell) {
    int brace = cell.optimizerKey().indexOf('{');
    return brace < 0 ? cell.optimizerKey() : cell.optimizerKey().substring(0, brace);
  }

  private static String translucent(String hex) {
    int r = Integer.parseInt(hex.substring(1, 3), 16);
    int g = Integer.parseInt(hex.substring(3, 5), 16);
    int b = Integer.parseInt(hex.substring(5, 7), 16);
    return String.format(Locale.ROOT, "rgba(%d,%d,%d,0.18)", r, g, b);
  }
}
