package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.optbench.workload.ConvNet;
import org.optbench.workload.TensorShape;

/** {@link ConvNet} on DJL: conv → ReLU → 2×2 max pool per stage, then dense layers. */
final class ConvNetBlock extends ExplicitBlock {

  private final ConvNet net;
  private final List<Parameter> parameters = new ArrayList<>();

  ConvNetBlock(ConvNet net) {
    this.net = net;
    for (TensorShape shape : net.parameterShapes()) {
      parameters.add(declare(shape));
    }
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    long batch = x.getShape().get(0);
    x = x.reshape(batch, 1, net.height(), net.width());
    int pad = net.kernel() / 2;
    int p = 0;
    for (int i = 0; i < net.channels().size(); i++) {
      NDArray weight = value(store, parameters.get(p++), x, training);
      NDArray bias = value(store, parameters.get(p++), x, training);
      x = Conv2d.conv2d(x, weight, bias, new Shape(1, 1), new Shape(pad, pad), new Shape(1, 1), 1)
          .singletonOrThrow();
      x = Activation.relu(x);
      x = Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
    }
    x = x.reshape(batch, net.flattened());
    int layers = net.denseWidths().size() - 1;
    for (int i = 0; i < layers; i++) {
      NDArray weight = value(store, parameters.get(p++), x, training);
      NDArray bias = value(store, parameters.get(p++), x, training);
      x = Linear.linear(x, weight, bias).singletonOrThrow();
      if (i + 1 < layers) {
        x = Activation.relu(x);
      }
    }
    return new NDList(x);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), net.classes())};
  }
}
