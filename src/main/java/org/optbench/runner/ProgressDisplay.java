package org.optbench.runner;

import java.io.PrintStream;
import java.util.List;
import java.util.function.LongSupplier;
import org.optbench.metrics.RunListener;
import org.optbench.spec.Cell;

/**
 * Progress of a grid on standard error: a bar redrawn in place for a person at a terminal
 * ({@link ProgressBarDisplay}), or a plain line every few seconds for logs and CI
 * ({@link ProgressLines}), where a redrawn bar becomes one long line of carriage returns.
 */
interface ProgressDisplay extends RunListener, AutoCloseable {

  @Override
  void close();

  /**
   * The display {@code settings} ask for over {@code cells}, or null for none.
   *
   * @param terminal whether a terminal is attached ({@link ProgressMode#AUTO} decides by it)
   */
  static ProgressDisplay of(ProgressSettings settings, String experiment, List<Cell> cells,
      boolean terminal, PrintStream err, LongSupplier nanoClock) {
    long totalSteps = cells.stream().mapToLong(Cell::steps).sum();
    ProgressMode chosen = settings.mode() == ProgressMode.AUTO
        ? (terminal ? ProgressMode.BAR : ProgressMode.LINES)
        : settings.mode();
    return switch (chosen) {
      case BAR -> new ProgressBarDisplay(experiment, totalSteps);
      case LINES -> new ProgressLines(experiment, cells.size(), totalSteps,
          settings.every(), err, nanoClock);
      default -> null;
    };
  }
}
