package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import org.optbench.dataset.TabularData;
import org.optbench.workload.LossKind;
import org.optbench.workload.Workload;

/**
 * Loss and accuracy on the held-out split, without gradients. The split is uploaded once per
 * process ({@link EvalUploads}) and evaluated in chunks, so that 10,000 images through a convnet do not need all their
 * activations at once; each evaluation's intermediates live in a sub-manager closed afterwards.
 * Every chunk but the last has the same number of rows, and the mean weights chunks by rows, so
 * the result is the mean over the whole split.
 */
final class Evaluator {

  /** Rows per chunk: sequences are long, so language models take fewer. */
  private static final int ROWS = 1000;

  private static final int SEQUENCE_ROWS = 64;

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

  /**
   * Puts the held-out split on the engine, or takes the copy an earlier cell made of the same
   * split ({@link EvalUploads}); the arrays are only read.
   */
  void upload() {
    long[] inputShape = new long[1 + workload.model().inputShape().length];
    inputShape[0] = eval.rows();
    for (int d = 1; d < inputShape.length; d++) {
      inputShape[d] = workload.model().inputShape()[d - 1];
    }
    Shape targetShape = Targets.shape(eval.rows(), eval.targetCols(), workload);
    EvalUploads.Key key = new EvalUploads.Key(eval, java.util.Arrays.toString(inputShape) + " "
        + targetShape + " " + workload.loss());
    EvalUploads.Upload upload = EvalUploads.of(key, manager ->
        new EvalUploads.Upload(manager.create(eval.x(), new Shape(inputShape)),
            manager.create(Targets.encode(eval.y(), workload), targetShape)));
    x = upload.x();
    y = upload.y();
  }

  /** {loss, accuracy}; accuracy is NaN for regression workloads. */
  double[] evaluate() {
    int chunk = workload.loss() == LossKind.TOKEN_CROSS_ENTROPY ? SEQUENCE_ROWS : ROWS;
    double lossSum = 0;
    double correct = 0;
    long predictions = 0;
    for (int start = 0; start < eval.rows(); start += chunk) {
      int end = Math.min(eval.rows(), start + chunk);
      try (NDManager scratch = trainer.getManager().newSubManager()) {
        scratch.tempAttachAll(x, y);
        NDIndex rows = new NDIndex(start + ":" + end);
        NDArray xs = x.get(rows);
        NDArray ys = y.get(rows);
        NDArray output = trainer.evaluate(new NDList(xs)).singletonOrThrow();
        lossSum += loss.evaluate(new NDList(ys), new NDList(output)).getFloat() * (end - start);
        if (workload.loss().classifies()) {
          NDArray hits = hits(output, ys);
          correct += hits.sum().getFloat();
          predictions += hits.size();
        }
      }
    }
    double accuracy = predictions > 0 ? correct / predictions : Double.NaN;
    return new double[] {lossSum / eval.rows(), accuracy};
  }

  /** 1 where the most likely class (or next token) is the right one, else 0. */
  private NDArray hits(NDArray output, NDArray targets) {
    if (workload.loss() == LossKind.TOKEN_CROSS_ENTROPY) {
      NDArray guess = output.argMax(output.getShape().dimension() - 1);
      return guess.eq(targets.toType(DataType.INT64, false)).toType(DataType.FLOAT32, false);
    }
    return output.argMax(1).eq(targets.argMax(1)).toType(DataType.FLOAT32, false);
  }
}
