package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import org.optbench.dataset.TabularData;
import org.optbench.workload.Workload;

/** Loss and accuracy on the held-out split, in one forward pass without gradients. */
final class Evaluator {

  private final Trainer trainer;
  private final Loss loss;
  private final Workload workload;
  private final TabularData eval;

  Evaluator(Trainer trainer, Loss loss, Workload workload, TabularData eval) {
    this.trainer = trainer;
    this.loss = loss;
    this.workload = workload;
    this.eval = eval;
  }

  /** {loss, accuracy}; accuracy is NaN for regression workloads. */
  double[] evaluate() {
    try (NDManager manager = trainer.getManager().newSubManager()) {
      NDArray x = manager.create(eval.x(), new Shape(eval.rows(), eval.cols()));
      NDArray y = Targets.of(manager, eval.y(), eval.rows(), workload);
      NDArray predictions = trainer.evaluate(new NDList(x)).singletonOrThrow();
      double lossValue = loss.evaluate(new NDList(y), new NDList(predictions)).getFloat();
      double accuracy = Double.NaN;
      if (workload.loss().classifies()) {
        accuracy = predictions.argMax(1).eq(y.argMax(1)).toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
            .mean().getFloat();
      }
      return new double[] {lossValue, accuracy};
    }
  }
}
