package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.optim.alias.NativeOptimizers;
import org.optbench.spec.Axis;
import org.optbench.spec.ComponentValues;

/**
 * The public library: optimizers built by name in a plain DJL {@link Trainer}, checked against one
 * step worked by hand. The model is w·x with w = 1, x = 0.5 and DJL's L2 loss ½(w·x − 0)², so the
 * gradient is g = w·x² = 0.25.
 */
class TorchOptimizersLibraryTest {

  @Test
  void adamWFromTheCatalogueTakesTheStepWorkedByHand() {
    // AdamW (torch.optim.AdamW), t = 1: p ← p·(1 − lr·λ) = 0.999; m̂ = g, v̂ = g², so the step is
    // lr·g/(|g| + ε) = 0.1·0.25/(0.25 + 1e-8); p = 0.999 − 0.09999999600 = 0.89900000400.
    Optimizer adamW = TorchOptimizers.adamW().learningRate(0.1).weightDecay(0.01).build();
    assertEquals(0.899000004, afterOneStep(adamW, Trainer::step), 1e-6);
  }

  @Test
  void torchStepClipsTheGlobalNormBeforeTheUpdate() {
    // clip_grad_norm_ with max_norm 0.1: g·0.1/(0.25 + 1e-6) = 0.09999960; SGD with lr 0.1:
    // p = 1 − 0.1·0.0999996 = 0.99000004.
    Optimizer sgd = TorchOptimizers.sgd().learningRate(0.1).build();
    GradientClipping clip = TorchClipping.named("global_norm").set("max_norm", 0.1).build();
    double[] norm = new double[1];
    double weight = afterOneStep(sgd, trainer -> norm[0] = TorchStep.of(trainer, sgd, clip)
        .take(0.03125));
    assertEquals(0.25, norm[0], 1e-7, "the global norm before clipping");
    assertEquals(0.99000004, weight, 1e-7);
  }

  @Test
  void wholeStepOptimizersStepThroughTorchStepOnly() {
    Optimizer prodigy = TorchOptimizers.named("prodigy").build();
    assertThrows(RuntimeException.class, () -> afterOneStep(prodigy, Trainer::step));
    Optimizer again = TorchOptimizers.named("prodigy").build();
    double weight = afterOneStep(again, trainer -> TorchStep.of(trainer, again).take(0.03125));
    assertTrue(Double.isFinite(weight) && weight < 1, "prodigy moved w against g > 0: " + weight);
  }

  /**
   * Muon in a plain Trainer: the 2×2 weight takes Muon's step and the bias, a vector, goes to
   * AdamW at its defaults, exactly as the native library (checked against torch.optim.Muon)
   * assigns and steps the same tensors from the same gradients.
   */
  @Test
  void muonStepsMatricesAndHandsVectorsToAdamWAsTheNativeLibraryDoes() {
    Optimizer muon = TorchOptimizers.named("muon").learningRate(0.02).build();
    assertThrows(IllegalArgumentException.class, () -> TorchOptimizers.named("muon")
        .learningRateTracker(Tracker.fixed(0.02f)).build());
    try (Model model = Model.newInstance("muon")) {
      model.setBlock(Linear.builder().setUnits(2).build());
      var config = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(muon)
          .optInitializer(Initializer.ONES, Parameter.Type.WEIGHT);
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(1, 2));
        var manager = trainer.getManager();
        NDArray x = manager.create(new float[] {0.5f, -1.5f}, new Shape(1, 2));
        NDArray y = manager.create(new float[] {0.25f, 2f}, new Shape(1, 2));
        float loss;
        try (GradientCollector collector = trainer.newGradientCollector()) {
          NDArray value = trainer.getLoss().evaluate(new NDList(y),
              trainer.forward(new NDList(x)));
          collector.backward(value);
          loss = value.getFloat();
        }
        var parameters = model.getBlock().getParameters();
        float[] weightGrad = parameters.get("weight").getArray().getGradient().toFloatArray();
        float[] biasGrad = parameters.get("bias").getArray().getGradient().toFloatArray();
        TorchStep.of(trainer, muon).take(loss);

        var reference = NativeOptimizers.create(
            ComponentValues.resolve(Axis.OPTIMIZER, "muon",
                Map.of("lr", 0.02)),
            ComponentValues.resolve(Axis.CLIP, "none",
                Map.of()),
            ComponentValues.resolve(Axis.SCHEDULE,
                "constant", Map.of()));
        var params = ParamTree.of(
            new Tensor("weight", new int[] {2, 2}, new float[] {1, 1, 1, 1}),
            new Tensor("bias", new int[] {2}, new float[] {0, 0}));
        reference.init(params);
        reference.step(params, ParamTree.of(
            // The native step overwrites the gradients it is given: copies.
            new Tensor("weight", new int[] {2, 2}, weightGrad.clone()),
            new Tensor("bias", new int[] {2}, biasGrad.clone())), loss);

        float[] weight = parameters.get("weight").getArray().toFloatArray();
        float[] bias = parameters.get("bias").getArray().toFloatArray();
        assertArrayEquals(params.data(0), weight, 1e-5f);
        assertArrayEquals(params.data(1), bias, 1e-6f);
        // AdamW's first step at its default lr 1e-3 moves each bias by lr against its gradient.
        for (int i = 0; i < 2; i++) {
          assertEquals(-1e-3 * Math.signum(biasGrad[i]), bias[i], 1e-7);
        }
      }
    }
  }

  @Test
  void aScheduleByNameSetsEachStepsRate() {
    // StepLR with step_size 1, gamma 0.5: lrₜ = 0.1·0.5^(t − 1).
    Optimizer sgd = TorchOptimizers.sgd().learningRate(0.1)
        .schedule("step", Map.of("step_size", 1, "gamma", 0.5), 10).build();
    assertEquals(0.1f, DjlOptimizers.learningRate(sgd, 1));
    assertEquals(0.025f, DjlOptimizers.learningRate(sgd, 3));
  }

  @Test
  void theBuilderOfDocsLibraryMdWarmsUpLinearly() {
    // warmup_cosine: lrₜ = lr·t/warmup_steps while t ≤ warmup_steps (then half a cosine).
    Optimizer adamW = TorchOptimizers.adamW().learningRate(1e-3).weightDecay(0.01)
        .set("beta2", 0.95)
        .schedule("warmup_cosine", Map.of("warmup_steps", 100), 10_000)
        .build();
    assertEquals(1e-5f, DjlOptimizers.learningRate(adamW, 1));
    assertEquals(5e-4f, DjlOptimizers.learningRate(adamW, 50));
    assertEquals(1e-3f, DjlOptimizers.learningRate(adamW, 100));
  }

  @Test
  void badNamesAndValuesAreRefusedWithWhatIsAccepted() {
    var unknown = assertThrows(IllegalArgumentException.class,
        () -> TorchOptimizers.named("adamx"));
    assertTrue(unknown.getMessage().contains("unknown optimizer 'adamx'")
        && unknown.getMessage().contains("adamw"), unknown.getMessage());
    var key = assertThrows(IllegalArgumentException.class,
        () -> TorchOptimizers.adamW().set("beta_2", 0.99).build());
    assertTrue(key.getMessage().contains("'beta_2'") && key.getMessage().contains("beta2"),
        key.getMessage());
    var range = assertThrows(IllegalArgumentException.class,
        () -> TorchOptimizers.adamW().set("beta2", 1.0).build());
    assertTrue(range.getMessage().contains("adamw.beta2 must be [0, 1)"), range.getMessage());
    var rule = assertThrows(IllegalArgumentException.class,
        () -> TorchOptimizers.sgd().set("nesterov", true).build());
    assertTrue(rule.getMessage().startsWith("optimizer sgd: "), rule.getMessage());
    var sophia = assertThrows(IllegalArgumentException.class,
        () -> TorchOptimizers.named("sophia"));
    assertTrue(sophia.getMessage().contains("Hessian"), sophia.getMessage());
    assertTrue(TorchOptimizers.names().contains("adamw"));
    assertFalse(TorchOptimizers.names().contains("sophia"));
  }

  /** w after one step from w = 1, taken by {@code step} after the backward pass. */
  private static double afterOneStep(Optimizer optimizer, Consumer<Trainer> step) {
    try (Model model = Model.newInstance("one-weight")) {
      model.setBlock(Linear.builder().setUnits(1).optBias(false).build());
      var config = new DefaultTrainingConfig(Loss.l2Loss())
          .optOptimizer(optimizer)
          .optInitializer(Initializer.ONES, Parameter.Type.WEIGHT);
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(1, 1));
        NDArray x = trainer.getManager().create(new float[] {0.5f}, new Shape(1, 1));
        NDArray y = trainer.getManager().zeros(new Shape(1, 1));
        try (GradientCollector collector = trainer.newGradientCollector()) {
          NDList prediction = trainer.forward(new NDList(x));
          collector.backward(trainer.getLoss().evaluate(new NDList(y), prediction));
        }
        step.accept(trainer);
        return model.getBlock().getParameters().valueAt(0).getArray().getFloat();
      }
    }
  }
}
