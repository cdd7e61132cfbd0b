package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optbench.engine.analytic.AnalyticTrainingRun;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.RunResult;
import org.optbench.metrics.StepRecord;
import org.optbench.optim.alias.NativeOptimizers;
import org.optbench.spec.Axis;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.spec.SpecException;
import org.optbench.spec.SpecParser;
import org.optbench.testing.Cells;
import org.optbench.workload.AnalyticObjective;
import org.optbench.workload.Workload;
import org.optbench.workload.Workloads;

/**
 * Schedule-Free runs are evaluated at the average x, trained at y: on the quadratic
 * f(x) = ½ Σ λᵢxᵢ², every recorded evaluation equals f at the x of Defazio et al. 2024's
 * Algorithm 1, computed here in double from its three sequences, and every training loss f at y,
 * on each path a run can take: the engine's step with its model (engine djl), the native step with
 * the same model ({@link NativeStep}), and the native engine's all-Java analytic loop; and with
 * Schedule-Free as the optimizer of a parameter group.
 */
class ScheduleFreeEvaluationTest {

  private static final int STEPS = 6;
  private static final int EVAL_EVERY = 3;
  private static final double LR = 0.1;
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;

  static Component quadratic() {
    return Cells.component(Axis.WORKLOAD, "quadratic",
        Map.of("dim", 4, "condition", 10.0, "x0", 1.0));
  }

  /** The losses at y and the evaluations at x of Algorithm 1, in double. */
  record Reference(double[] trainingLoss, double[] evalAtX, double[] valueAtY) {}

  static Reference reference(AnalyticObjective f, boolean adam) {
    double[] y = new double[f.dim()];
    java.util.Arrays.fill(y, 1.0);
    double[] z = y.clone();
    double[] x = y.clone();
    double[] v = new double[y.length];
    double[] loss = new double[STEPS];
    double[] atX = new double[STEPS];
    double[] atY = new double[STEPS];
    for (int t = 1; t <= STEPS; t++) {
      loss[t - 1] = f.value(y, 1);
      double[] g = f.gradient(y, 1);
      double c = 1.0 / t; // constant lr: every weight max_lr² is equal
      for (int i = 0; i < y.length; i++) {
        double u = g[i];
        if (adam) {
          v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
          u = g[i] / (Math.sqrt(v[i] / (1 - Math.pow(BETA2, t))) + EPS);
        }
        z[i] -= LR * u;
        x[i] = (1 - c) * x[i] + c * z[i];
        y[i] = (1 - BETA1) * z[i] + BETA1 * x[i];
      }
      atX[t - 1] = f.evalValue(x);
      atY[t - 1] = f.evalValue(y);
    }
    return new Reference(loss, atX, atY);
  }

  static Stream<Arguments> pathsAndOptimizers() {
    List<Arguments> out = new ArrayList<>();
    for (String optimizer : List.of("schedule_free_sgd", "schedule_free_adamw", "grouped")) {
      out.add(Arguments.of(optimizer, "engine step (djl)"));
      out.add(Arguments.of(optimizer, "native step, DJL model"));
      out.add(Arguments.of(optimizer, "native engine, analytic loop"));
    }
    return out.stream();
  }

  /**
   * The cell of one optimizer; "grouped" is an Adam entry whose one parameter group (every
   * rank-1 tensor: the quadratic's x) trains with Schedule-Free SGD, so the evaluation point
   * must come through the parameter groups.
   */
  static Cell cell(String optimizer) {
    if (!optimizer.equals("grouped")) {
      Component opt = Cells.component(Axis.OPTIMIZER, optimizer, Map.of("lr", LR));
      return Cells.cell(quadratic(), opt, Cells.noClip(), 0, STEPS, EVAL_EVERY);
    }
    String yaml = """
        name: g
        workloads: [{model: quadratic, dim: 4, condition: 10.0, x0: 1.0}]
        steps: %d
        eval_every: %d
        seeds: [0]
        grid:
          optimizer:
            - name: adam
              groups: [{select: {rank: 1}, optimizer: {name: schedule_free_sgd, lr: %s}}]
        """.formatted(STEPS, EVAL_EVERY, LR);
    try {
      return SpecParser.parse(Path.of("g.yaml"), yaml).cells().get(0);
    } catch (SpecException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private static Function<RunListener, RunResult> path(String path, Cell cell, Workload w) {
    return switch (path) {
      case "engine step (djl)" -> l -> new DjlTrainingRun(cell, w, l, EngineStep.of(cell)).run();
      case "native step, DJL model" ->
          l -> new DjlTrainingRun(cell, w, l, NativeStep.of(cell)).run();
      default -> l -> new AnalyticTrainingRun(cell, w, l, NativeOptimizers.create(
          cell.optimizer(), cell.clip(), cell.schedule(), cell.steps())).run();
    };
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("pathsAndOptimizers")
  void evaluationsAreAtXAndTrainingAtY(String optimizer, String path) {
    Cell cell = cell(optimizer);
    Workload w = Workloads.create(cell.workload());
    List<StepRecord> records = new ArrayList<>();
    RunResult result = path(path, cell, w).apply(new RunListener() {
      @Override
      public void onStep(Cell c, StepRecord step) {
        records.add(step);
      }
    });
    Reference ref = reference((AnalyticObjective) w.model(), optimizer.endsWith("adamw"));
    assertEquals(STEPS, records.size());
    for (StepRecord r : records) {
      int t = r.step();
      assertEquals(ref.trainingLoss()[t - 1], r.loss(), 1e-5 * ref.trainingLoss()[t - 1],
          "training loss at y, step " + t);
      if (t % EVAL_EVERY != 0) {
        assertTrue(Double.isNaN(r.evalLoss()), "no evaluation at step " + t);
        continue;
      }
      double atX = ref.evalAtX()[t - 1];
      double atY = ref.valueAtY()[t - 1];
      assertTrue(Math.abs(atX - atY) > 1e-3 * atX,
          "x and y differ enough to tell apart at step " + t + ": " + atX + " vs " + atY);
      assertEquals(atX, r.evalLoss(), 1e-5 * atX, "evaluation at x, step " + t
          + " (f at y would be " + atY + ")");
    }
    assertEquals(ref.evalAtX()[STEPS - 1], result.summary().finalEvalLoss(),
        1e-5 * ref.evalAtX()[STEPS - 1], "the final metric is at x");
  }

  /**
   * Moving to x and back is exact: on a data workload (an MLP, held-out loss through the
   * Evaluator) a run evaluated after every step trains bit for bit as one evaluated only at the
   * end, on both engines' steps, and both end with the same evaluation.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"engine", "native"})
  void evaluatingAtXEveryStepLeavesTrainingUnchanged(String step) {
    Component mlp = LockstepTest.mlp();
    Workload w = Workloads.create(mlp);
    Component opt = Cells.component(Axis.OPTIMIZER, "schedule_free_adamw", Map.of("lr", 0.01));
    int steps = 20;
    List<List<StepRecord>> runs = new ArrayList<>();
    for (int evalEvery : new int[] {1, steps}) {
      Cell cell = Cells.cell(mlp, opt, Cells.noClip(), 0, steps, evalEvery);
      StepStrategy strategy = step.equals("engine") ? EngineStep.of(cell) : NativeStep.of(cell);
      List<StepRecord> records = new ArrayList<>();
      new DjlTrainingRun(cell, w, new RunListener() {
        @Override
        public void onStep(Cell c, StepRecord r) {
          records.add(r);
        }
      }, strategy).run();
      runs.add(records);
    }
    for (int t = 0; t < steps; t++) {
      assertEquals(runs.get(1).get(t).loss(), runs.get(0).get(t).loss(), 0.0, "step " + (t + 1));
    }
    assertEquals(runs.get(1).get(steps - 1).evalLoss(), runs.get(0).get(steps - 1).evalLoss(),
        0.0);
  }
}
