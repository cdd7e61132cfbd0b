package org.optbench.figures;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.optbench.report.ChartFigure;
import org.optbench.report.ReportCharts;

/**
 * {@code captions.tex}: the report's caption of each exported figure as a LaTeX {@code \caption}
 * with a label {@code fig:<id>}, under a comment naming the figure's file, ready to paste beside
 * {@code \includegraphics{figures/<id>.pdf}}. The chart's title is not in the image, so it opens
 * the caption as its first sentence. LaTeX's special characters are escaped; the rest (·, ±, ✕)
 * needs a document that can set Unicode text.
 */
final class Captions {

  private Captions() {}

  /** The file's text for {@code charts} of {@code experiment}, exported as {@code format}. */
  static String latex(String experiment, List<ChartFigure> charts, FigureFormat format) {
    StringBuilder tex = new StringBuilder()
        .append("% Captions of the figures of ").append(experiment)
        .append(", written by optbench figures (rewritten on each export).\n")
        .append("% Each goes in a figure environment below its \\includegraphics.\n");
    for (ChartFigure chart : charts) {
      tex.append("\n% ").append(chart.id()).append('.').append(format.extension()).append('\n')
          .append("\\caption{").append(ReportCharts.latexText(text(chart))).append("}")
          .append("\\label{fig:").append(chart.id()).append("}\n");
    }
    return tex.toString();
  }

  /** The chart's title as the first sentence, then its caption on the report page. */
  static String text(ChartFigure chart) {
    JsonNode node = chart.figure().path("layout").path("title");
    String title = (node.isObject() ? node.path("text") : node).asText("").strip();
    String caption = chart.caption().strip();
    if (title.isEmpty()) {
      return caption;
    }
    return title + (title.endsWith(".") ? " " : ". ") + caption;
  }
}
