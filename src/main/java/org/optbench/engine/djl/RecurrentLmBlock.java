package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RecurrentBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.optbench.workload.RecurrentLm;
import org.optbench.workload.TensorShape;

/**
 * {@link RecurrentLm} on DJL: embedding lookup, DJL's fused LSTM/GRU (torch.nn.LSTM/GRU
 * underneath, same gate order and parameter layout) and a linear head over every position.
 * Input: token ids as floats, (B, T); output: logits (B, T, V).
 */
final class RecurrentLmBlock extends ExplicitBlock {

  private final RecurrentLm lm;
  private final Parameter embedding;
  private final Parameter headWeight;
  private final Parameter headBias;
  private final RecurrentBlock rnn;

  RecurrentLmBlock(RecurrentLm lm) {
    this.lm = lm;
    List<TensorShape> shapes = lm.parameterShapes();
    embedding = declare(shapes.get(0));
    headWeight = declare(shapes.get(1));
    headBias = declare(shapes.get(2));
    RecurrentBlock recurrent =
        lm.cell() == RecurrentLm.Cell.LSTM
            ? LSTM.builder()
                .setStateSize(lm.hidden())
                .setNumLayers(lm.layers())
                .optBatchFirst(true)
                .optReturnState(false)
                .build()
            : GRU.builder()
                .setStateSize(lm.hidden())
                .setNumLayers(lm.layers())
                .optBatchFirst(true)
                .optReturnState(false)
                .build();
    rnn = addChildBlock("rnn", recurrent);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray ids = inputs.singletonOrThrow().toType(DataType.INT64, false);
    NDArray table = value(store, embedding, ids, training);
    NDArray x = Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    NDArray h = rnn.forward(store, new NDList(x), training).head();
    NDArray logits =
        Linear.linear(h, value(store, headWeight, h, training), value(store, headBias, h, training))
            .singletonOrThrow();
    return new NDList(logits);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape ids = inputShapes[0];
    rnn.initialize(manager, dataType, new Shape(ids.get(0), ids.get(1), lm.embedding()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape ids = inputShapes[0];
    return new Shape[] {new Shape(ids.get(0), ids.get(1), lm.vocabulary())};
  }
}
