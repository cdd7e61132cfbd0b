package org.optbench.workload;

import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.optbench.dataset.DataSplit;

/**
 * A problem an optimizer is tested on: a model, the data it trains on, a loss and a batch size.
 * The optimizer under test is deliberately not part of it (AlgoPerf's split between workload and
 * submission).
 *
 * @param name spec name of the workload, e.g. {@code mlp}
 * @param model the model's architecture
 * @param loss training objective
 * @param batchSize examples per step (1 for analytic objectives)
 * @param data the dataset for a seed; {@code null} for analytic objectives, which have none
 * @param generation how language models write their end-of-run sample; {@code null} otherwise
 */
public record Workload(
    String name,
    ModelSpec model,
    LossKind loss,
    int batchSize,
    LongFunction<DataSplit> data,
    TextGeneration generation) {

  /** A workload that writes no text sample. */
  public Workload(String name, ModelSpec model, LossKind loss, int batchSize, LongFunction<DataSplit> data) {
    this(name, model, loss, batchSize, data, null);
  }

  /** The text sample settings, for language models. */
  public Optional<TextGeneration> textGeneration() {
    return Optional.ofNullable(generation);
  }

  /** Parameter tensors with their shapes. */
  public List<TensorShape> parameterShapes() {
    return model.parameterShapes();
  }

  /** Trainable scalars. */
  public long parameterCount() {
    return model.parameterCount();
  }

  /** Examples each training step consumes: examples/s = steps/s × this. */
  public int examplesPerStep() {
    return batchSize;
  }

  /** A training step's forward multiply-adds, roughly ({@link ModelSpec#multiplyAddsPerInput}). */
  public long multiplyAddsPerStep() {
    long inputs = tokensPerStep() > 0 ? tokensPerStep() : examplesPerStep();
    return model.multiplyAddsPerInput() * inputs;
  }

  /** Predicted tokens each step, for language models (tokens/s = steps/s × this); 0 otherwise. */
  public long tokensPerStep() {
    if (model instanceof RecurrentLm lm) {
      return (long) batchSize * lm.seqLen();
    }
    if (model instanceof TransformerLm lm) {
      return (long) batchSize * lm.seqLen();
    }
    return 0;
  }
}
