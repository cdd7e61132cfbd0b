package org.optbench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.plotly.components.Line;

/**
 * Colour by optimizer and dash pattern by clip setting, fixed for the whole report so that a
 * setting looks the same in every chart. Dashes keep the clip settings apart in greyscale print.
 */
final class Styles {

  /** Okabe & Ito's colour-blind-safe palette (2008), yellow left out: it vanishes on white. */
  private static final List<String> COLOURS =
      List.of(
          "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999");

  private static final List<Line.Dash> DASHES =
      List.of(
          Line.Dash.SOLID,
          Line.Dash.DASH,
          Line.Dash.DOT,
          Line.Dash.DASH_DOT,
          Line.Dash.LONG_DASH,
          Line.Dash.LONG_DASH_DOT);

  private final Map<String, String> colours = new LinkedHashMap<>();
  private final Map<String, Line.Dash> dashes = new LinkedHashMap<>();

  /** Assigns colours and dashes in the order the cells come (the spec's order). */
  Styles(List<CellInfo> cells) {
    for (CellInfo c : cells) {
      colours.putIfAbsent(c.optimizerKey(), COLOURS.get(colours.size() % COLOURS.size()));
      dashes.putIfAbsent(c.clipKey(), DASHES.get(dashes.size() % DASHES.size()));
    }
  }

  String colour(CellInfo cell) {
    return colours.get(cell.optimizerKey());
  }

  Line.Dash dash(CellInfo cell) {
    return dashes.get(cell.clipKey());
  }

  /** The cell's colour, translucent, for its seed band. */
  String bandColour(CellInfo cell) {
    String hex = colour(cell);
    int r = Integer.parseInt(hex.substring(1, 3), 16);
    int g = Integer.parseInt(hex.substring(3, 5), 16);
    int b = Integer.parseInt(hex.substring(5, 7), 16);
    return String.format(Locale.ROOT, "rgba(%d,%d,%d,0.18)", r, g, b);
  }
}
