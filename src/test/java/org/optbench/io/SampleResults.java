package org.optbench.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.metrics.RunEnvironment;
import org.optbench.metrics.RunResult;
import org.optbench.metrics.RunSummary;
import org.optbench.metrics.StepRecord;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.ExperimentSpec;

/**
 * Hand-made specs and run results with closed-form curves, for tests of writing, reading and
 * reporting results. No engine involved.
 */
public final class SampleResults {

  private SampleResults() {}

  /** A catalogue component with some parameters changed. */
  public static Component component(Axis axis, String name, Object... keyValues) {
    return with(Component.withDefaults(Catalog.require(axis, name)), keyValues);
  }

  /** {@code base} with some parameters changed. */
  public static Component with(Component base, Object... keyValues) {
    Map<String, Object> params = new LinkedHashMap<>(base.params());
    for (int i = 0; i < keyValues.length; i += 2) {
      params.put((String) keyValues[i], keyValues[i + 1]);
    }
    return new Component(base.def(), params);
  }

  /** A component of a made-up kind, e.g. with a hostile name. */
  public static Component custom(String name, Component like) {
    ComponentDef def = like.def();
    return new Component(
        new ComponentDef(name, def.summary(), def.reference(), def.params()), like.params());
  }

  /** A spec over the given axes with the constant schedule and the djl engine. */
  public static ExperimentSpec spec(
      String name,
      String description,
      List<Component> workloads,
      List<Component> optimizers,
      List<Component> clips,
      List<Long> seeds,
      int steps,
      int evalEvery) {
    return new ExperimentSpec(
        name,
        description,
        Path.of("experiments", name + ".yaml"),
        "name: " + name + "\ndescription: " + description + "\n",
        workloads,
        optimizers,
        clips,
        List.of(Component.withDefaults(Catalog.require(Axis.SCHEDULE, "constant"))),
        seeds,
        List.of("djl"),
        steps,
        evalEvery);
  }

  /** A fixed environment. */
  public static RunEnvironment environment() {
    return new RunEnvironment(
        "0.1.0-test", "abc1234", "17.0.15", "0.35.1", "2.7.1", 1, "Linux 6.1 amd64", "Test CPU", 2);
  }

  /**
   * A run whose training loss is {@code scale / step^0.5 · (1 + seed/10)}, evaluated every {@code
   * evalEvery} steps; classification workloads ({@code mlp}) get an accuracy, others NaN.
   */
  public static RunResult converging(Cell cell) {
    return spiking(cell, -1, 1);
  }

  /**
   * {@link #converging} with the loss of step {@code atStep} (and so its gradient norm) multiplied
   * by {@code factor}. With {@code factor} 5 after step 10 that is exactly one loss spike by the
   * report's definition (loss above 2× the moving average of the losses before it): the smooth
   * losses before it stay below their average.
   */
  public static RunResult spiking(Cell cell, int atStep, double factor) {
    double scale = 1 + cell.seed() / 10.0;
    boolean classification = cell.workload().name().equals("mlp");
    double maxNorm = cell.clip().has("max_norm") ? cell.clip().number("max_norm") : Double.NaN;
    // AutoClip's threshold moves: here it is half the step's gradient norm, so it always clips.
    boolean autoclip = cell.clip().name().equals("autoclip");
    List<StepRecord> steps = new ArrayList<>();
    int clippedSteps = 0;
    for (int step = 1; step <= cell.steps(); step++) {
      double loss = scale / Math.sqrt(step) * (step == atStep ? factor : 1);
      double gradNorm = 4 * loss;
      if (autoclip) {
        maxNorm = gradNorm / 2;
      }
      boolean clipped = gradNorm > maxNorm; // false when maxNorm is NaN (no clipping)
      clippedSteps += clipped ? 1 : 0;
      StepRecord record =
          new StepRecord(
              step,
              loss,
              gradNorm,
              clipped ? maxNorm : gradNorm,
              clipped,
              maxNorm,
              0.1,
              0.1,
              step * 2.5,
              Double.NaN,
              Double.NaN);
      if (step % cell.evalEvery() == 0) {
        record = record.withEval(loss * 1.1, classification ? 1 - loss / 4 : Double.NaN);
      }
      steps.add(record);
    }
    return new RunResult(
        summarize(cell, steps, false, -1, clippedSteps / (double) cell.steps()), steps);
  }

  /**
   * A run that trains normally until {@code atStep}, where the loss becomes {@code +Infinity}; the
   * runner stops there. Step {@code atStep - 1} has a NaN gradient norm, as an overflow would.
   */
  public static RunResult diverging(Cell cell, int atStep) {
    List<StepRecord> steps = new ArrayList<>();
    for (int step = 1; step <= atStep; step++) {
      double loss = step == atStep ? Double.POSITIVE_INFINITY : Math.pow(2, step);
      double gradNorm = step == atStep - 1 ? Double.NaN : loss;
      steps.add(
          new StepRecord(step, loss, gradNorm, gradNorm, false, Double.NaN, 0.1, 0.1, step,
              Double.NaN, Double.NaN));
    }
    return new RunResult(summarize(cell, steps, true, atStep, 0), steps);
  }

  private static RunSummary summarize(
      Cell cell, List<StepRecord> steps, boolean diverged, int divergedStep, double clipped) {
    double finalLoss = Double.NaN;
    double best = Double.NaN;
    double evalLoss = Double.NaN;
    double accuracy = Double.NaN;
    for (StepRecord s : steps) {
      if (Double.isFinite(s.loss())) {
        finalLoss = s.loss();
        best = Double.isNaN(best) ? s.loss() : Math.min(best, s.loss());
      }
      if (s.hasEval()) {
        evalLoss = s.evalLoss();
        accuracy = s.evalAccuracy();
      }
    }
    int done = steps.size();
    double seconds = done * (0.0025 + 0.0005 * cell.seed());
    long params = 100 + cell.seed();
    long stateBytes = cell.optimizer().name().equals("adam") ? 8 * params : 4 * params;
    return new RunSummary(
        cell,
        done,
        finalLoss,
        best,
        evalLoss,
        accuracy,
        diverged,
        divergedStep,
        done / seconds,
        seconds,
        params,
        4 * params,
        stateBytes,
        clipped,
        diverged ? Double.NaN : finalLoss,
        0,
        0);
  }
}
