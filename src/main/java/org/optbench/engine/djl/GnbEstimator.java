package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.optbench.workload.LossKind;
import org.optbench.workload.Workload;

/**
 * The Gauss–Newton–Bartlett estimate of the Hessian diagonal (Liu et al. 2023, Algorithm 2), for
 * optimizers that precondition with it (Sophia): on the step's own minibatch, a second forward
 * pass; labels ŷ sampled from the model's softmax output; the mean cross-entropy of ŷ
 * backpropagated; ĥ = N·ĝ⊙ĝ with ĝ that gradient and N the number of predicted labels (the
 * batch size, or for a language model its batch's tokens, as the paper's code scales by the
 * tokens of a batch). For a softmax output the expected ĝĝᵀ, times N, is the Gauss–Newton
 * matrix, whose diagonal ĥ estimates.
 *
 * <p>Cost: one more forward and backward pass at each step that refreshes the estimate (every
 * update_interval steps), plus two copies of the gradients: the real gradients are stashed
 * before the pass, which accumulates into the same tensors, and restored after it, bit for bit.
 *
 * <p>Repeatability: the labels are drawn by inverse transform from uniforms of a generator
 * seeded with the run's sampling seed, drawn once per refreshing step, so a run repeats, and a
 * second estimate of the same step ({@link HessianInput#again}) uses the same draws. The second
 * forward pass is an ordinary training-mode pass (a dense network's dropout draws a mask of its
 * own).
 */
final class GnbEstimator {

  private final Trainer trainer;
  private final Loss loss;
  private final LossKind kind;
  private final List<NDArray> stash = new ArrayList<>();
  private final List<NDArray> estimates = new ArrayList<>();
  private final List<NDArray> flatEstimates = new ArrayList<>();
  private final SplittableRandom random;
  private final StepScalar count;
  private ReusableInput labels;
  private double[] uniforms;
  private int drawnFor;

  /**
   * @param parameters the model's parameters (their gradients carry ĝ during the pass)
   * @param owner manager that keeps the estimate and stash arrays for the run
   * @param seed the run's sampling seed
   */
  GnbEstimator(Workload workload, Trainer trainer, Loss loss, List<Parameter> parameters,
      NDManager owner, long seed) {
    if (!workload.loss().classifies()) {
      throw new IllegalArgumentException("the Gauss–Newton–Bartlett estimate samples labels from"
          + " the model's softmax output, and workload " + workload.name() + " has none");
    }
    this.trainer = trainer;
    this.loss = loss;
    this.kind = workload.loss();
    this.random = new SplittableRandom(seed);
    this.count = new StepScalar(owner);
    for (Parameter parameter : parameters) {
      Shape shape = parameter.getArray().getShape();
      NDArray estimate = owner.zeros(shape);
      estimates.add(estimate);
      flatEstimates.add(estimate.reshape(-1));
      stash.add(owner.zeros(new Shape(shape.size())));
    }
  }

  /**
   * The estimate of step {@code step} at the parameters now in the model, on inputs {@code x};
   * {@code grads} (flat views of the gradients) hold the step's real gradients before and after.
   */
  HessianInput estimate(NDList x, int step, List<NDArray> grads, NDManager stepManager) {
    compute(x, step, grads, stepManager);
    return new HessianInput(estimates, () -> {
      compute(x, step, grads, stepManager);
      return estimates;
    });
  }

  private void compute(NDList x, int step, List<NDArray> grads, NDManager stepManager) {
    for (int i = 0; i < grads.size(); i++) {
      NDArray g = grads.get(i);
      InPlaceCopy.into(stash.get(i), g);
      g.subi(g);
    }
    int predicted;
    try (NDManager pass = stepManager.newSubManager();
        GradientCollector collector = trainer.newGradientCollector()) {
      NDList predictions = trainer.forward(x);
      predictions.attach(pass);
      NDArray logits = predictions.singletonOrThrow();
      Shape shape = logits.getShape();
      int classes = Math.toIntExact(shape.get(shape.dimension() - 1));
      predicted = Math.toIntExact(shape.size() / classes);
      int[] sampled = sample(logits.toFloatArray(), classes, predicted, step);
      NDList y = new NDList(labelInput(shape).wrap(pass, encode(sampled, classes)));
      NDArray sampledLoss = loss.evaluate(y, predictions);
      sampledLoss.attach(pass);
      collector.backward(sampledLoss);
    }
    NDArray n = count.holding(predicted);
    for (int i = 0; i < grads.size(); i++) {
      NDArray g = grads.get(i);
      NDArray h = flatEstimates.get(i);
      InPlaceCopy.into(h, g);
      h.muli(g).muli(n);
      InPlaceCopy.into(g, stash.get(i));
    }
  }

  /**
   * One label per row of logits (rows of {@code classes} values): the row's softmax, computed in
   * double, inverted at the row's uniform.
   */
  private int[] sample(float[] logits, int classes, int rows, int step) {
    if (drawnFor != step || uniforms == null || uniforms.length != rows) {
      uniforms = new double[rows];
      for (int r = 0; r < rows; r++) {
        uniforms[r] = random.nextDouble();
      }
      drawnFor = step;
    }
    int[] out = new int[rows];
    for (int r = 0; r < rows; r++) {
      int base = r * classes;
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        max = Math.max(max, logits[base + c]);
      }
      double total = 0;
      for (int c = 0; c < classes; c++) {
        total += Math.exp(logits[base + c] - max);
      }
      double target = uniforms[r] * total;
      double cumulative = 0;
      int label = classes - 1;
      for (int c = 0; c < classes; c++) {
        cumulative += Math.exp(logits[base + c] - max);
        if (target < cumulative) {
          label = c;
          break;
        }
      }
      out[r] = label;
    }
    return out;
  }

  /** The labels as the workload's loss reads them: one-hot rows, or token ids. */
  private float[] encode(int[] sampled, int classes) {
    if (kind == LossKind.SOFTMAX_CROSS_ENTROPY) {
      float[] oneHot = new float[sampled.length * classes];
      for (int r = 0; r < sampled.length; r++) {
        oneHot[r * classes + sampled[r]] = 1f;
      }
      return oneHot;
    }
    float[] ids = new float[sampled.length];
    for (int r = 0; r < sampled.length; r++) {
      ids[r] = sampled[r];
    }
    return ids;
  }

  /** One-hot labels are shaped like the logits; token ids like the logits without their last axis. */
  private ReusableInput labelInput(Shape logits) {
    if (labels == null) {
      Shape shape = kind == LossKind.SOFTMAX_CROSS_ENTROPY
          ? logits
          : logits.slice(0, logits.dimension() - 1);
      labels = new ReusableInput(shape);
    }
    return labels;
  }
}
