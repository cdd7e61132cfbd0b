package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import org.optbench.dataset.TabularData;
import org.optbench.workload.Workload;

/**
 * Loss and accuracy on the held-out split, in one forward pass without gradients. The split is
 * uploaded once per run; each evaluation's intermediates live in a sub-manager closed afterwards.
 */
final class Evaluator {

  private final Trainer trainer;
  private final Loss loss;
  private final Workload workload;
  private final TabularData eval;
  private NDArray x;
  private NDArray y;

  Evaluator(Trainer trainer, Loss loss, Workload workload, TabularData eval) {
    this.trainer = trainer;
    this.loss = loss;
    this.workload = workload;
    this.eval = eval;
  }

  /** Copies the held-out split to the engine; the arrays live as long as the trainer. */
  void upload() {
    NDManager manager = trainer.getManager();
    x = manager.create(eval.x(), new Shape(eval.rows(), eval.cols()));
    y = manager.create(Targets.encode(eval.y(), workload), Targets.shape(eval.rows(), workload));
  }

  /** {loss, accuracy}; accuracy is NaN for regression workloads. */
  double[] evaluate() {
    try (NDManager scratch = trainer.getManager().newSubManager()) {
      scratch.tempAttachAll(x, y);
      NDArray predictions = trainer.evaluate(new NDList(x)).singletonOrThrow();
      double lossValue = loss.evaluate(new NDList(y), new NDList(predictions)).getFloat();
      double accuracy = Double.NaN;
      if (workload.loss().classifies()) {
        accuracy =
            predictions.argMax(1).eq(y.argMax(1)).toType(DataType.FLOAT32, false).mean().getFloat();
      }
      return new double[] {lossValue, accuracy};
    }
  }
}
