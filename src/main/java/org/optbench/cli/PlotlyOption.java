package org.optbench.cli;

import java.util.Arrays;
import org.optbench.report.PlotlyPlacement;

/** The {@code --plotly} option of {@code run} and {@code report}. */
final class PlotlyOption {

  private PlotlyOption() {}

  /** The placement named by {@code word}; a user error naming the choices otherwise. */
  static PlotlyPlacement parse(String word) {
    return PlotlyPlacement.parse(word).orElseThrow(() -> new UserInputException(
        "--plotly is " + String.join(" or ",
            Arrays.stream(PlotlyPlacement.values()).map(PlotlyPlacement::word).toList())
            + ", got '" + word + "'"));
  }
}
