package org.optbench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Colour and marker shape by optimizer (its name: every Adam cell is blue), dash pattern by clip
 * setting, fixed for the whole report so that a setting looks the same in every chart. Configs of
 * one optimizer (a learning-rate sweep) get lighter shades of its colour, in grid order. Markers
 * and dashes keep settings apart in greyscale print, where colours merge.
 */
final class Styles {

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
   * @param colour line colour, by optimizer
   * @param band the colour, translucent, for the seed band
   * @param dash dash pattern, by clip setting
   * @param symbol marker shape, by optimizer
   */
  record Style(String colour, String band, String dash, String symbol) {

    /**
     * The marker shape, open with a dot in the middle, for events on the cell's line (loss spikes):
     * apart from the line's own markers, yet still the optimizer's shape in greyscale print.
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
    return new Style(colour, colour, DASHES.get((index / COLOURS.size()) % DASHES.size()),
        SYMBOLS.get(index % SYMBOLS.size()));
  }

  private final Map<String, Integer> optimizers = new LinkedHashMap<>();
  private final Map<String, Integer> clips = new LinkedHashMap<>();
  private final Map<String, Integer> optimizerNames = new LinkedHashMap<>();

  /** Assigns styles in the order the cells come (the spec's order). */
  Styles(List<CellInfo> cells) {
    for (CellInfo c : cells) {
      optimizers.putIfAbsent(c.optimizerKey(), optimizers.size());
      clips.putIfAbsent(c.clipKey(), clips.size());
      optimizerNames.putIfAbsent(optimizerName(c), optimizerNames.size());
    }
  }

  Style of(CellInfo cell) {
    int name = optimizerNames.get(optimizerName(cell));
    String colour = shade(COLOURS.get(name % COLOURS.size()), shadeIndex(cell));
    return new Style(
        colour,
        translucent(colour),
        DASHES.get(clips.get(cell.clipKey()) % DASHES.size()),
        SYMBOLS.get(name % SYMBOLS.size()));
  }

  /** Which config of its optimizer the cell's is, 0 for the first in grid order. */
  private int shadeIndex(CellInfo cell) {
    String name = optimizerName(cell);
    int k = 0;
    for (String key : optimizers.keySet()) {
      if (key.equals(cell.optimizerKey())) {
        return k;
      }
      if (key.startsWith(name + "{")) {
        k++;
      }
    }
    return 0;
  }

  /** {@code hex} mixed with white: 0 keeps it, each step lightens by 15 %, at most 60 %. */
  private static String shade(String hex, int step) {
    double white = Math.min(0.6, 0.15 * step);
    int[] rgb = new int[3];
    for (int i = 0; i < 3; i++) {
      int c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16);
      rgb[i] = (int) Math.round(c + (255 - c) * white);
    }
    return String.format(Locale.ROOT, "#%02X%02X%02X", rgb[0], rgb[1], rgb[2]);
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
