package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optbench.engine.analytic.AnalyticTrainingRun;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.RunResult;
import org.optbench.metrics.RunSummary;
import org.optbench.metrics.StepRecord;
import org.optbench.optim.alias.NativeOptimizers;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.spec.DataSeed;
import org.optbench.testing.Cells;
import org.optbench.workload.Workload;
import org.optbench.workload.Workloads;

/**
 * The native engine's Java path for analytic objectives ({@link AnalyticTrainingRun}) against the
 * DJL-based native path it replaces ({@link DjlTrainingRun} with {@link NativeStep}, the gradient
 * from libtorch's autograd through {@link AnalyticBlock}): every column of every step record, with
 * an evaluation at every step, so that the loss (f at the iterate before the step) and the
 * evaluation (F at the iterate after it) follow the whole trajectory.
 *
 * <p>The reference is libtorch's float32 arithmetic. Where the Java path repeats its roundings
 * exactly (one or two coordinates: no reduction order, no {@code exp}), the records are equal to
 * the bit; elsewhere they agree to a few float ulps. The gradient norms differ in the last bits by
 * construction: the DJL path takes the norm before clipping from a libtorch float32 dot product,
 * the Java path from the native optimizer's report (the norm it clipped with). Small gradient
 * differences can vanish in a trajectory; {@link Float32ObjectiveTest} compares the gradients
 * themselves.
 */
class AnalyticPathCrossCheckTest {

  /** A few float32 ulps, relative. */
  private static final double FLOAT_RTOL = 1e-5;

  /**
   * Adam's first steps move by ±lr whatever the gradient's last bits, so each objective also runs
   * with plain SGD, whose step is the gradient itself: a gradient rounded differently shows.
   */
  static Stream<Arguments> cases() {
    Map<String, Object> adam = Map.of("lr", 0.01);
    Map<String, Object> momentum = Map.of("lr", 0.001, "momentum", 0.9);
    Map<String, Object> reddiAdam = Map.of("lr", 0.001, "beta1", 0.9, "beta2", 0.99);
    return Stream.of(
        // workload, its parameters, optimizer, its parameters, clip, schedule, bit-exact
        Arguments.of("quadratic", Map.of("dim", 10, "condition", 100.0), "adam", adam, "none", "constant", false),
        Arguments.of("quadratic", Map.of("dim", 10, "condition", 100.0), "sgd", momentum, "none", "constant", false),
        Arguments.of("quadratic", Map.of("dim", 1), "sgd", Map.of("lr", 0.1), "none", "constant", true),
        Arguments.of("rosenbrock", Map.of(), "adam", adam, "none", "constant", true),
        Arguments.of("rosenbrock", Map.of(), "sgd", momentum, "global_norm", "warmup_cosine", true),
        Arguments.of("rosenbrock", Map.of("dim", 5), "adam", adam, "loss_feedback", "constant", false),
        Arguments.of("rosenbrock", Map.of(), "sgd", momentum, "none", "constant", true),
        Arguments.of("quartic", Map.of(), "adam", adam, "none", "constant", true),
        Arguments.of("quartic", Map.of(), "sgd", Map.of("lr", 0.01), "none", "constant", true),
        Arguments.of("quartic", Map.of("dim", 3, "x0", 1.5), "sgd", momentum, "value", "exponential", false),
        Arguments.of("online_convex", Map.of(), "adam", reddiAdam, "none", "constant", true),
        Arguments.of("online_convex", Map.of(), "amsgrad", Map.of("lr", 0.001, "beta2", 0.99), "none", "constant", true),
        Arguments.of("online_convex", Map.of(), "sgd", Map.of("lr", 0.01), "none", "constant", true),
        Arguments.of("online_convex", Map.of("stochastic", true, "period", 100), "adam", reddiAdam, "none", "constant", true),
        Arguments.of("online_convex", Map.of("stochastic", true, "period", 10), "sgd", Map.of("lr", 0.05), "global_norm", "constant", true),
        // lr 10 on λ up to 100 multiplies the error by ~1000 per step: both paths must diverge at
        // the same step and record the same last row.
        Arguments.of("quadratic", Map.of("dim", 4, "condition", 100.0), "sgd", Map.of("lr", 10.0), "none", "constant", true));
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} clip {4} schedule {5}")
  @MethodSource("cases")
  void javaPathFollowsTheAutogradPath(String workloadName, Map<String, Object> workloadParams,
      String optimizer, Map<String, Object> optimizerParams, String clip, String schedule,
      boolean bitExact) {
    Component workloadSpec = Cells.component(Axis.WORKLOAD, workloadName, workloadParams);
    Cell cell = new Cell(workloadSpec, Cells.component(Axis.OPTIMIZER, optimizer, optimizerParams),
        Component.withDefaults(Catalog.require(Axis.CLIP, clip)),
        Component.withDefaults(Catalog.require(Axis.SCHEDULE, schedule)),
        3, DataSeed.DEFAULT, "native", 300, 1);
    Workload workload = Workloads.create(workloadSpec);

    RunResult autograd =
        new DjlTrainingRun(cell, workload, RunListener.NONE, NativeStep.of(cell)).run();
    RunResult java = new AnalyticTrainingRun(cell, workload, RunListener.NONE,
        NativeOptimizers.create(cell.optimizer(), cell.clip(), cell.schedule(), cell.steps())).run();

    RunSummary expected = autograd.summary();
    RunSummary actual = java.summary();
    assertEquals(expected.diverged(), actual.diverged(), "diverged");
    assertEquals(expected.divergedStep(), actual.divergedStep(), "diverged step");
    List<StepRecord> want = autograd.steps();
    List<StepRecord> got = java.steps();
    assertEquals(want.size(), got.size(), "steps recorded");
    double rtol = bitExact ? 0 : FLOAT_RTOL;
    for (int i = 0; i < want.size(); i++) {
      StepRecord w = want.get(i);
      StepRecord g = got.get(i);
      String at = "step " + w.step() + ": ";
      assertEquals(w.step(), g.step());
      close(w.loss(), g.loss(), rtol, at + "loss");
      close(w.evalLoss(), g.evalLoss(), rtol, at + "eval_loss");
      close(w.gradNorm(), g.gradNorm(), FLOAT_RTOL, at + "grad_norm");
      close(w.gradNormClipped(), g.gradNormClipped(), FLOAT_RTOL, at + "grad_norm_clipped");
      close(w.clipThreshold(), g.clipThreshold(), rtol, at + "clipping_threshold");
      assertEquals(w.learningRate(), g.learningRate(), at + "learning_rate");
      assertEquals(w.stepSize(), g.stepSize(), at + "step_size");
      if (clip.equals("none")) {
        assertEquals(false, g.clipped(), at + "clipped");
      }
      assertEquals(w.evalAccuracy(), g.evalAccuracy(), at + "eval_accuracy");
    }
    close(expected.finalLoss(), actual.finalLoss(), rtol, "final_loss");
    close(expected.finalEvalLoss(), actual.finalEvalLoss(), rtol, "final_eval_loss");
    assertEquals(expected.paramCount(), actual.paramCount(), "param_count");
    assertEquals(expected.optimizerStateBytes(), actual.optimizerStateBytes(), "state bytes");
  }

  private static void close(double expected, double actual, double rtol, String what) {
    if (Double.isNaN(expected) || Double.isInfinite(expected) || rtol == 0) {
      assertEquals(expected, actual, what);
      return;
    }
    double scale = Math.max(Math.abs(expected), 1e-30);
    assertTrue(Math.abs(expected - actual) <= rtol * scale,
        what + ": expected " + expected + ", got " + actual);
  }
}
