package org.optbench.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.optbench.io.ResultSetWriter;
import org.optbench.io.SampleResults;
import org.optbench.metrics.RunEnvironment;
import org.optbench.metrics.RunResult;
import org.optbench.metrics.RunSummary;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.spec.ExperimentSpec;

/**
 * Result sets with chosen per-run values, written without training: two cells (SGD and Adam on a
 * small MLP classifier, so runs have an accuracy), seeds 0, 1, 2, 20 steps with the closed-form
 * curves of {@link SampleResults#converging}, and summaries a test may rewrite run by run.
 */
final class HandMadeSets {

  /** The machine the baselines are made on: one libtorch thread. */
  static final RunEnvironment HERE = SampleResults.environment();

  /** Another processor: runs no longer reproduce bit for bit. */
  static final RunEnvironment OTHER_CPU = new RunEnvironment(HERE.optbenchVersion(),
      HERE.gitCommit(), HERE.javaVersion(), HERE.djlVersion(), HERE.pytorchVersion(),
      HERE.threads(), HERE.os(), "Other CPU", HERE.cores());

  private HandMadeSets() {}

  static final Component SGD = SampleResults.component(Axis.OPTIMIZER, "sgd", "lr", 0.1);
  static final Component ADAM = SampleResults.component(Axis.OPTIMIZER, "adam", "lr", 0.01);

  /** The spec of both cells, with {@code regressionSection} (may be empty) appended to its text. */
  static ExperimentSpec spec(List<Long> seeds, String regressionSection) {
    return spec(List.of(SGD, ADAM), seeds, regressionSection);
  }

  static ExperimentSpec spec(List<Component> optimizers, List<Long> seeds, String regressionSection) {
    ExperimentSpec base = SampleResults.spec("hand", "made by hand",
        List.of(SampleResults.component(Axis.WORKLOAD, "mlp")), optimizers,
        List.of(SampleResults.component(Axis.CLIP, "none")), seeds, 20, 10);
    return new ExperimentSpec(base.name(), base.description(), base.source(),
        base.text() + regressionSection, base.workloads(), base.optimizers(), base.clips(),
        List.of(Component.withDefaults(Catalog.require(Axis.SCHEDULE, "constant"))),
        base.seeds(), base.engines(), base.steps(), base.evalEvery());
  }

  /** The published folder {@code root/hand} of seeds 0, 1, 2, each run's summary changed. */
  static Path write(Path root, RunEnvironment env, UnaryOperator<RunSummary> change)
      throws IOException {
    return write(root, env, spec(List.of(0L, 1L, 2L), ""), change);
  }

  static Path write(Path root, RunEnvironment env, ExperimentSpec spec,
      UnaryOperator<RunSummary> change) throws IOException {
    return trained(root, env, spec, cell -> {
      RunResult run = SampleResults.converging(cell);
      return new RunResult(change.apply(run.summary()), run.steps(), run.artifacts());
    });
  }

  /**
   * The published folder {@code root/hand} of {@code spec} with each cell's run as {@code train}
   * makes it (steps and summary, e.g. {@link SampleResults#spiking}).
   */
  static Path trained(Path root, RunEnvironment env, ExperimentSpec spec,
      Function<Cell, RunResult> train) throws IOException {
    ResultSetWriter writer = ResultSetWriter.open(root, spec.name());
    for (var cell : spec.cells()) {
      writer.add(train.apply(cell));
    }
    Instant started = Instant.parse("2026-11-21T14:30:05Z");
    return writer.commit(spec, env, started, started.plusSeconds(60)).published();
  }

  /**
   * {@code s} with another final loss and accuracy, nothing else changed (as {@code
   * scripts/planted_regressions.py} plants them in runs.csv).
   */
  static RunSummary withFinal(RunSummary s, double finalLoss, double accuracy) {
    return new RunSummary(s.cell(), s.stepsDone(), finalLoss, s.bestLoss(),
        s.finalEvalLoss(), accuracy, s.diverged(), s.divergedStep(), s.stepsPerSecond(),
        s.wallSeconds(), s.paramCount(), s.paramBytes(), s.optimizerStateBytes(),
        s.clippedFraction(), s.finalLossAvg(), s.evalSeconds(), s.warmupSeconds());
  }

  /** {@code s} marked diverged at its last step, with a NaN final loss. */
  static RunSummary diverged(RunSummary s) {
    return new RunSummary(s.cell(), s.stepsDone(), Double.NaN, s.bestLoss(), s.finalEvalLoss(),
        s.finalAccuracy(), true, s.stepsDone(), s.stepsPerSecond(), s.wallSeconds(),
        s.paramCount(), s.paramBytes(), s.optimizerStateBytes(), s.clippedFraction(),
        Double.NaN, s.evalSeconds(), s.warmupSeconds());
  }

  /** {@code s} with another throughput. */
  static RunSummary withStepsPerSecond(RunSummary s, double stepsPerSecond) {
    return new RunSummary(s.cell(), s.stepsDone(), s.finalLoss(), s.bestLoss(),
        s.finalEvalLoss(), s.finalAccuracy(), s.diverged(), s.divergedStep(), stepsPerSecond,
        s.wallSeconds(), s.paramCount(), s.paramBytes(), s.optimizerStateBytes(),
        s.clippedFraction(), s.finalLossAvg(), s.evalSeconds(), s.warmupSeconds());
  }

  static boolean isAdam(RunSummary s) {
    return s.cell().optimizer().name().equals("adam");
  }
}
