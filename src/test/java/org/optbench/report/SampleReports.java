package org.optbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
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
}
