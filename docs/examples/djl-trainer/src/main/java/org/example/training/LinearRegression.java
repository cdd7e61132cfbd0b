package org.example.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import org.optbench.engine.djl.TorchOptimizers;

/**
 * Fits y = 2·x₁ − 3·x₂ + 1 with a one-layer DJL model, trained by optbench's AdamW (torch.optim
 * semantics) in a plain DJL {@link Trainer}.
 */
public final class LinearRegression {

  /** What training gave: the last step's loss, the weights and the bias. */
  public record Fit(float loss, float[] weights, float bias) {}

  private LinearRegression() {}

  public static void main(String[] args) {
    Fit fit = train(500);
    System.out.printf("loss %.2e, w = (%.3f, %.3f), b = %.3f%n",
        fit.loss(), fit.weights()[0], fit.weights()[1], fit.bias());
  }

  /** Trains for {@code steps} full-batch steps on 256 fixed points. */
  public static Fit train(int steps) {
    Optimizer adamW = TorchOptimizers.adamW()
        .learningRate(0.05)
        .weightDecay(0.0)
        .build();
    try (Model model = Model.newInstance("linear-regression")) {
      model.setBlock(Linear.builder().setUnits(1).build());
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(adamW);
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(256, 2));
        NDManager manager = trainer.getManager();
        manager.getEngine().setRandomSeed(7);
        NDArray x = manager.randomUniform(-1, 1, new Shape(256, 2));
        NDArray y = x.matMul(manager.create(new float[] {2, -3}, new Shape(2, 1))).add(1);
        float loss = Float.NaN;
        for (int step = 0; step < steps; step++) {
          try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray value = trainer.getLoss()
                .evaluate(new NDList(y), trainer.forward(new NDList(x)));
            collector.backward(value);
            loss = value.getFloat();
          }
          trainer.step();
        }
        var parameters = model.getBlock().getParameters();
        return new Fit(loss, parameters.get("weight").getArray().toFloatArray(),
            parameters.get("bias").getArray().getFloat());
      }
    }
  }
}
