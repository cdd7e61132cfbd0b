package org.optbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.optbench.io.ResultSetWriter;
import org.optbench.io.SampleResults;
import org.optbench.spec.Cell;
import org.optbench.spec.ExperimentSpec;

/** The report of a made-up result set in which every run converges ({@link SampleResults}). */
final class SampleReports {

  private SampleReports() {}

  /**
   * Publishes {@code spec}'s runs to {@code tmp/results/<name>/} and builds its report into
   * {@code tmp/reports/<name>/}.
   *
   * @return the report's folder
   */
  static Path converging(Path tmp, ExperimentSpec spec) throws IOException {
    ResultSetWriter writer = ResultSetWriter.open(tmp.resolve("results"), spec.name());
    for (Cell cell : spec.cells()) {
      writer.add(SampleResults.converging(cell));
    }
    Instant started = Instant.parse("2026-12-02T10:00:00Z");
    Path results =
        writer.commit(spec, SampleResults.environment(), started, started.plusSeconds(10))
            .published();
    return ReportBuilder.build(results, ReportFolder.inRoot(tmp.resolve("reports"), spec.name()))
        .getParent();
  }

  /**
   * Publishes {@code spec}'s runs to {@code root/<name>/}: the second run diverges at step 9, the
   * third has a 5× loss spike at {@code spikeStep}, the others converge; so that the report draws
   * divergence and spike markers too.
   *
   * @return the result set's folder
   */
  static Path withEvents(Path root, ExperimentSpec spec, int spikeStep) throws IOException {
    ResultSetWriter writer = ResultSetWriter.open(root, spec.name());
    List<Cell> cells = spec.cells();
    for (int i = 0; i < cells.size(); i++) {
      writer.add(
          i == 1
              ? SampleResults.diverging(cells.get(i), 9)
              : i == 2
                  ? SampleResults.spiking(cells.get(i), spikeStep, 5)
                  : SampleResults.converging(cells.get(i)));
    }
    Instant started = Instant.parse("2026-11-21T14:30:05Z");
    return writer.commit(spec, SampleResults.environment(), started, started.plusSeconds(60))
        .published();
  }
}
