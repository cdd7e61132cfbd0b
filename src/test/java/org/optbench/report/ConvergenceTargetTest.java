package org.optbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.optbench.io.SampleResults.component;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.cli.Main;
import org.optbench.io.ResultSetWriter;
import org.optbench.io.SampleResults;
import org.optbench.metrics.RunResult;
import org.optbench.metrics.StepRecord;
import org.optbench.spec.Axis;
import org.optbench.spec.Cell;
import org.optbench.spec.ExperimentSpec;
import tech.tablesaw.api.Table;

/**
 * The report's steps to target and {@code compare}'s are one definition ({@link
 * org.optbench.metrics.TargetReach}): the convergence table and a baseline's targets.csv give the
 * same target and steps for the same runs.
 */
class ConvergenceTargetTest {

  @TempDir Path tmp;

  @Test
  void theReportAndTheBaselineAgreeOnTargetAndSteps() throws Exception {
    // Three seeds of loss (1 + seed/10)/√step, rounded to float32 as libtorch's losses are; 20
    // steps, 2.5 ms of training per step.
    ExperimentSpec spec = SampleResults.spec("target", "steps to target",
        List.of(component(Axis.WORKLOAD, "linear_regression")),
        List.of(component(Axis.OPTIMIZER, "sgd", "lr", 0.1)),
        List.of(component(Axis.CLIP, "none")), List.of(0L, 1L, 2L), 20, 10);
    ResultSetWriter writer = ResultSetWriter.open(tmp.resolve("results"), spec.name());
    for (Cell cell : spec.cells()) {
      writer.add(float32(SampleResults.converging(cell)));
    }
    Instant started = Instant.parse("2026-11-21T14:30:05Z");
    Path results = writer.commit(spec, SampleResults.environment(), started,
        started.plusSeconds(60)).published();

    // By hand (Python, numpy float32 losses): smoothed first losses 1, 1.1, 1.2 (mean 1.1),
    // smoothed last losses mean L; target = L + 0.25·(1.1 − L) = 0.5244922265841767. The seeds'
    // smoothed losses first fall to it at steps 8, 9 and 11: mean 28/3, at 20, 22.5 and 27.5 ms.
    double target = 0.5244922265841767;
    Path index = ReportBuilder.build(results, ReportFolder.inRoot(tmp.resolve("reports"), "target"));
    Table table = Table.read().csv(index.getParent().resolve("tables/convergence.csv").toFile());
    assertEquals(target, table.numberColumn("target_loss").getDouble(0), 1e-15);
    assertEquals(28.0 / 3, table.numberColumn("steps_to_target").getDouble(0), 1e-12);
    assertEquals(0.070 / 3, table.numberColumn("seconds_to_target").getDouble(0), 1e-9);

    assertEquals(0, Main.execute("baseline", "update", results.toString(),
        "--baselines", tmp.resolve("baselines").toString()));
    Table targets = Table.read().csv(tmp.resolve("baselines/target/targets.csv").toFile());
    for (int row = 0; row < 3; row++) {
      assertEquals(target, targets.numberColumn("target_loss").getDouble(row), 1e-15);
    }
    assertEquals(List.of(8.0, 9.0, 11.0),
        targets.numberColumn("steps_to_target").asList().stream()
            .map(n -> ((Number) n).doubleValue()).sorted().toList());
  }

  /** {@code run} with every training loss rounded to float32. */
  private static RunResult float32(RunResult run) {
    List<StepRecord> steps = run.steps().stream()
        .map(s -> new StepRecord(s.step(), (float) s.loss(), s.gradNorm(), s.gradNormClipped(),
            s.clipped(), s.clipThreshold(), s.learningRate(), s.stepSize(), s.wallMs(),
            s.evalLoss(), s.evalAccuracy()))
        .toList();
    return new RunResult(run.summary(), steps, run.artifacts());
  }
}
