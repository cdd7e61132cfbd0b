package org.optbench.engine.djl;

import org.optbench.spec.DataSeed;
import org.optbench.spec.RunSeeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optbench.engine.TrainingEngine;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.StepRecord;
import org.optbench.spec.Axis;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.testing.Cells;
import org.optbench.workload.Workload;
import org.optbench.workload.Workloads;

/**
 * The per-step log's clipping threshold and step size, on both engines, against values computed
 * by hand from the run's own gradient norms and initial parameters.
 */
class StepLogTest {

  private static final Component WORKLOAD = LockstepTest.mlp();

  private static List<StepRecord> train(String engine, Component optimizer, Component clip, int steps) {
    Cell djlCell = Cells.cell(WORKLOAD, optimizer, clip, 1, steps, steps);
    Cell cell = new Cell(djlCell.workload(), optimizer, clip, djlCell.schedule(), 1, DataSeed.DEFAULT, engine, steps,
        steps);
    TrainingEngine trainer = engine.equals("native") ? new NativeEngine() : new DjlEngine();
    return trainer.train(cell, Workloads.create(WORKLOAD), RunListener.NONE).steps();
  }

  private static Component optimizer(String name, Map<String, Object> params) {
    return Cells.component(Axis.OPTIMIZER, name, params);
  }

  private static Component clip(String name, Map<String, Object> params) {
    return Cells.component(Axis.CLIP, name, params);
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "native"})
  void globalNormRecordsItsMaxNormAndNoClippingRecordsNone(String engine) {
    Component sgd = optimizer("sgd", Map.of("lr", 0.05));
    for (StepRecord s : train(engine, sgd, clip("global_norm", Map.of("max_norm", 0.25)), 5)) {
      assertEquals(0.25, s.clipThreshold());
      // The engine holds the lr as a float (DJL's Tracker): 0.05 to float precision.
      assertEquals(0.05, s.stepSize(), 1e-8, "SGD applies its lr as given");
    }
    for (StepRecord s : train(engine, sgd, Cells.noClip(), 3)) {
      assertTrue(Double.isNaN(s.clipThreshold()), s.toString());
    }
  }

  /**
   * AutoClip (Seetharaman et al. 2020) clips at the p-th percentile of every norm seen so far,
   * this step's included: at step 1 that is the first norm itself, at step 2 the 50th percentile
   * of two norms is their mean (linear interpolation, as numpy.percentile).
   */
  @ParameterizedTest
  @ValueSource(strings = {"djl", "native"})
  void autoclipThresholdIsThePercentileOfTheNormsSeen(String engine) {
    List<StepRecord> steps = train(engine, optimizer("sgd", Map.of("lr", 0.05)),
        clip("autoclip", Map.of("percentile", 50.0)), 3);
    double g1 = steps.get(0).gradNorm();
    double g2 = steps.get(1).gradNorm();
    double g3 = steps.get(2).gradNorm();
    // The native optimizer sums the squares of its float copy itself; the logged grad_norm is
    // the engine's float dot product: they agree to float precision, not bit for bit.
    double tolerance = 1e-7 * g1;
    assertEquals(g1, steps.get(0).clipThreshold(), tolerance);
    assertEquals((g1 + g2) / 2, steps.get(1).clipThreshold(), tolerance);
    double[] sorted = java.util.stream.DoubleStream.of(g1, g2, g3).sorted().toArray();
    assertEquals(sorted[1], steps.get(2).clipThreshold(), tolerance);
  }

  /** lr_scaled clips at c·lrₜ: with a constant lr of 0.1 and c = 3 the threshold is 0.3. */
  @ParameterizedTest
  @ValueSource(strings = {"djl", "native"})
  void lrScaledThresholdFollowsTheLearningRate(String engine) {
    for (StepRecord s : train(engine, optimizer("sgd", Map.of("lr", 0.1)),
        clip("lr_scaled", Map.of("c", 3.0)), 3)) {
      assertEquals(0.1 * 3.0, s.clipThreshold(), 1e-7, "lr held as a float on the engine");
    }
  }

  /**
   * Adafactor's step size (Shazeer &amp; Stern 2018, Alg. 4 with relative step and parameter
   * scaling): αₜ = ρₜ·max(ε₂, RMS(Xₜ₋₁)), ρₜ = min(10⁻², 1/√t). At step 1, ρ₁ = 10⁻², and the
   * logged figure is αₜ averaged over the tensors weighted by their sizes, computed here from
   * the initial parameters. The configured learning rate column stays 1 (the schedule's factor).
   */
  @ParameterizedTest
  @ValueSource(strings = {"djl", "native"})
  void adafactorLogsItsRelativeStepSizeNotTheConfiguredLr(String engine) {
    List<StepRecord> steps = train(engine, optimizer("adafactor", Map.of()), Cells.noClip(), 3);
    Workload workload = Workloads.create(WORKLOAD);
    double weighted = 0;
    long elements = 0;
    // The cell of seed 1 starts from the weights of its derived initialisation seed.
    for (float[] p : workload.model().initialValues(RunSeeds.of(1, DataSeed.DEFAULT).init())) {
      double squares = 0;
      for (float v : p) {
        squares += (double) v * v;
      }
      weighted += 1e-2 * Math.max(1e-3, Math.sqrt(squares / p.length)) * p.length;
      elements += p.length;
    }
    assertEquals(1.0, steps.get(0).learningRate());
    assertEquals(weighted / elements, steps.get(0).stepSize(), 1e-6 * weighted / elements);
    // ρ₂ = 10⁻² still (1/√2 is larger); the RMS has moved, so α₂ differs from α₁ a little.
    assertTrue(steps.get(1).stepSize() != steps.get(0).stepSize());
  }

  @Test
  void bothEnginesLogTheSameAdafactorStepSizes() {
    Component adafactor = optimizer("adafactor", Map.of("beta1", 0.9));
    List<StepRecord> djl = train("djl", adafactor, Cells.noClip(), 10);
    List<StepRecord> nat = train("native", adafactor, Cells.noClip(), 10);
    for (int i = 0; i < 10; i++) {
      double expected = nat.get(i).stepSize();
      assertEquals(expected, djl.get(i).stepSize(), 1e-5 * expected, "step " + (i + 1));
    }
  }
}
