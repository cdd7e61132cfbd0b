package org.optbench.figures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Turns a report chart's plotly figure into a paper figure: the same traces in the same colours,
 * on white, at a physical size, with one font for every text, no title inside the image (the
 * paper's caption replaces it) and the legend under the plot (placed exactly by the export page,
 * {@code figures.html}, once plotly has measured the x axis).
 */
final class PaperStyle {

  private static final String WHITE = "#ffffff";
  private static final String BLACK = "#000000";
  /** Outer margin in CSS pixels; plotly's axis automargin adds room for tick labels and titles. */
  private static final int MARGIN = 4;

  private PaperStyle() {}

  /** A restyled copy of {@code figure}; {@code figure} itself is not changed. */
  static ObjectNode apply(ObjectNode figure, FigureOptions options) {
    ObjectNode paper = figure.deepCopy();
    ObjectNode font = paper.objectNode()
        .put("family", options.font().family())
        .put("size", options.fontPixels())
        .put("color", BLACK);
    ObjectNode layout = object(paper, "layout");
    layout.remove("title");
    layout.put("width", options.size().widthPx());
    layout.put("height", options.size().heightPx());
    layout.put("autosize", false);
    layout.put("paper_bgcolor", WHITE);
    layout.put("plot_bgcolor", WHITE);
    layout.set("font", font);
    layout.set("margin", paper.objectNode()
        .put("l", MARGIN).put("r", MARGIN).put("t", MARGIN).put("b", MARGIN).put("pad", 0));
    for (Map.Entry<String, JsonNode> entry : layout.properties()) {
      if (entry.getKey().matches("[xy]axis\\d*") && entry.getValue().isObject()) {
        axis((ObjectNode) entry.getValue());
      }
    }
    for (JsonNode trace : paper.path("data")) {
      if (trace.path("colorbar").isObject()) {
        colourBar((ObjectNode) trace.get("colorbar"));
      }
    }
    ObjectNode legend = object(layout, "legend");
    legend.put("orientation", "h");
    legend.put("x", 0);
    legend.put("xanchor", "left");
    legend.put("y", -0.2);
    legend.put("yanchor", "top");
    legend.put("bgcolor", WHITE);
    // Entries of one cell share a legend group; plotly's 10 px between groups would double the
    // legend's height in a figure a few inches tall.
    legend.put("tracegroupgap", 0);
    object(legend, "font");
    // Every font of the figure (legend, tick labels, axis and colour bar titles) takes the paper
    // font: plotly would otherwise draw titles 20% larger than the layout's font. Colours of fonts
    // are kept where the chart set them.
    unifyFonts(paper, options);
    return paper;
  }

  /** The object {@code parent.name}, added when missing or not an object. */
  private static ObjectNode object(ObjectNode parent, String name) {
    JsonNode child = parent.get(name);
    return child != null && child.isObject() ? (ObjectNode) child : parent.putObject(name);
  }

  /**
   * A slim colour bar with its title along it: plotly's default title sits on top, as wide as its
   * text, and is cut off at the right edge of a figure a few inches wide.
   */
  private static void colourBar(ObjectNode bar) {
    JsonNode title = bar.get("title");
    ObjectNode styled = title != null && title.isObject()
        ? (ObjectNode) title
        : bar.objectNode().put("text", title == null ? "" : title.asText());
    styled.put("side", "right");
    object(styled, "font");
    bar.set("title", styled);
    bar.put("thickness", 10);
  }

  /** Titles close to their axis, room made for tick labels and titles, decades on log axes. */
  private static void axis(ObjectNode axis) {
    axis.put("automargin", true);
    if (axis.path("type").asText().equals("log") && !axis.has("dtick")) {
      // A tick per decade: plotly's in-between labels (2, 5) are drawn at 3/4 of the font size,
      // below the paper's one size.
      axis.put("dtick", 1);
    }
    JsonNode title = axis.get("title");
    ObjectNode styled = title != null && title.isObject()
        ? (ObjectNode) title
        : axis.objectNode().put("text", title == null ? "" : title.asText());
    styled.put("standoff", MARGIN);
    object(styled, "font");
    axis.set("title", styled);
  }

  /**
   * Sets family and size of every object named {@code font}, {@code tickfont}, ... in {@code
   * node}; a trace's {@code textfont} (the labels inside heatmap cells) gets the family only, so
   * that plotly still shrinks the labels to fit their cells.
   */
  private static void unifyFonts(JsonNode node, FigureOptions options) {
    if (node.isArray()) {
      node.forEach(child -> unifyFonts(child, options));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode value = field.getValue();
      if (field.getKey().equals("textfont") && value.isObject()) {
        ((ObjectNode) value).put("family", options.font().family());
      } else if (field.getKey().endsWith("font") && value.isObject()) {
        ((ObjectNode) value).put("family", options.font().family()).put("size", options.fontPixels());
      } else {
        unifyFonts(value, options);
      }
    }
  }
}
