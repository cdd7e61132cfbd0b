package org.optbench.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The paper restyling of a plotly figure, checked on a figure shaped like the report's. */
class PaperStyleTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A line chart and a heatmap trace as {@code Chart} and the tuning section write them. */
  private static ObjectNode reportFigure() throws Exception {
    return (ObjectNode) JSON.readTree("""
        {"data": [
          {"type": "scatter", "name": "adam", "line": {"color": "#D55E00", "dash": "dot"},
           "marker": {"symbol": "square", "color": "#D55E00"}},
          {"type": "heatmap", "colorbar": {"title": "log10 final loss"},
           "textfont": {"color": "#ffffff"}}],
         "layout": {"title": "mlp: training loss", "height": 460,
           "legend": {"font": {"size": 11}},
           "xaxis": {"title": "step"}, "yaxis": {"title": "loss", "tickfont": {"size": 14}}}}
        """);
  }

  private static final FigureOptions SERIF_10PT =
      new FigureOptions(FigureFormat.SVG, FigureSize.DOUBLE, 10, PaperFont.SERIF, 1);

  @Test
  void sizesTheFigureInCssPixelsOfThePaperSize() throws Exception {
    ObjectNode layout = (ObjectNode) PaperStyle.apply(reportFigure(), SERIF_10PT).get("layout");
    // 6.75 in × 96 px/in = 648 px; 3 in × 96 = 288 px.
    assertEquals(648, layout.get("width").asInt());
    assertEquals(288, layout.get("height").asInt());
    assertEquals("#ffffff", layout.get("paper_bgcolor").asText());
    assertEquals("#ffffff", layout.get("plot_bgcolor").asText());
    assertFalse(layout.has("title"), "the caption replaces the title");
    assertEquals("step", layout.at("/xaxis/title/text").asText(), "axis titles stay");
  }

  @Test
  void everyFontIsThePaperFontAtThePaperSize() throws Exception {
    ObjectNode figure = PaperStyle.apply(reportFigure(), SERIF_10PT);
    // 10 pt × 96/72 px per pt = 13.33 px.
    double px = 10 * 96.0 / 72;
    for (String pointer : new String[] {"/layout/font", "/layout/legend/font", "/layout/yaxis/tickfont"}) {
      assertEquals("Times New Roman, Times, serif", figure.at(pointer + "/family").asText(), pointer);
      assertEquals(px, figure.at(pointer + "/size").asDouble(), 1e-9, pointer);
    }
    // Heatmap cell labels keep plotly's fit-to-cell size, in the paper's family.
    assertEquals("Times New Roman, Times, serif", figure.at("/data/1/textfont/family").asText());
    assertTrue(figure.at("/data/1/textfont/size").isMissingNode());
    assertEquals("#ffffff", figure.at("/data/1/textfont/color").asText());
  }

  @Test
  void keepsTheTracesColoursAndLeavesTheInputAlone() throws Exception {
    ObjectNode original = reportFigure();
    ObjectNode figure = PaperStyle.apply(original, SERIF_10PT);
    assertEquals("#D55E00", figure.at("/data/0/line/color").asText());
    assertEquals("dot", figure.at("/data/0/line/dash").asText());
    assertEquals("#D55E00", figure.at("/data/0/marker/color").asText());
    assertEquals(reportFigure(), original, "input unchanged");
    assertEquals("h", figure.at("/layout/legend/orientation").asText(), "legend under the plot");
    assertTrue(figure.at("/layout/legend/y").asDouble() < 0, "legend under the plot");
  }

  @Test
  void parsesLengthsInInchesAndPoints() {
    assertEquals(3.25, FigureSize.inches("3.25").orElseThrow(), 1e-12);
    assertEquals(3.25, FigureSize.inches("3.25in").orElseThrow(), 1e-12);
    assertEquals(3.25, FigureSize.inches("234pt").orElseThrow(), 1e-12, "234 pt / 72 pt per in");
    assertTrue(FigureSize.inches("3.25cm").isEmpty());
    assertEquals(312, FigureSize.SINGLE.widthPx(), "3.25 in × 96 px/in");
    assertEquals(240, FigureSize.SINGLE.heightPx(), "2.5 in × 96 px/in");
  }
}
