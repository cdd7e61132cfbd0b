package org.optbench.workload;

import java.util.List;
import java.util.function.LongFunction;
import org.optbench.dataset.DataSplit;

/**
 * A problem an optimizer is tested on: a model, the data it trains on, a loss and a batch size.
 * The optimizer under test is deliberately not part of it (AlgoPerf's split between workload and
 * submission).
 *
 * @param name spec name of the workload, e.g. {@code mlp}
 * @param network the model's architecture
 * @param loss training objective
 * @param batchSize examples per step
 * @param data the dataset for a seed
 */
public record Workload(
    String name, DenseNetwork network, LossKind loss, int batchSize, LongFunction<DataSplit> data) {

  /** Parameter tensors with their shapes. */
  public List<TensorShape> parameterShapes() {
    return network.parameterShapes();
  }

  /** Trainable scalars. */
  public long parameterCount() {
    return network.parameterCount();
  }
}
