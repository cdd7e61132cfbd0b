package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import java.util.List;
import org.optbench.workload.AnalyticObjective;
import org.optbench.workload.ConvNet;
import org.optbench.workload.DenseNetwork;
import org.optbench.workload.ModelSpec;
import org.optbench.workload.RecurrentLm;
import org.optbench.workload.TensorShape;
import org.optbench.workload.TransformerLm;

/** Builds DJL blocks for the engine-free architectures in {@code workload}. */
final class DjlNetworks {

  private DjlNetworks() {}

  /** The DJL block of {@code model}. */
  static Block build(ModelSpec model) {
    if (model instanceof DenseNetwork dense) {
      return build(dense);
    }
    if (model instanceof ConvNet conv) {
      return new ConvNetBlock(conv);
    }
    if (model instanceof RecurrentLm lm) {
      return new RecurrentLmBlock(lm);
    }
    if (model instanceof TransformerLm lm) {
      return new TransformerLmBlock(lm);
    }
    return new AnalyticBlock((AnalyticObjective) model);
  }

  /** Dense layers with ReLU (and dropout, if any) between them and nothing after the last. */
  static Block build(DenseNetwork network) {
    SequentialBlock block = new SequentialBlock();
    List<Integer> widths = network.widths();
    for (int layer = 1; layer < widths.size(); layer++) {
      block.add(Linear.builder().setUnits(widths.get(layer)).build());
      if (layer + 1 < widths.size()) {
        block.add(Activation::relu);
        if (network.dropout() > 0) {
          block.add(Dropout.builder().optRate((float) network.dropout()).build());
        }
      }
    }
    return block;
  }

  /**
   * Overwrites the block's initialised parameters with {@code values}, which follow {@link
   * ModelSpec#parameterShapes()}. The shapes are checked so that a mismatch in order fails loudly
   * instead of training garbage.
   */
  static void load(Block block, ModelSpec model, List<float[]> values) {
    List<TensorShape> shapes = model.parameterShapes();
    List<Parameter> parameters = block.getParameters().values();
    if (parameters.size() != shapes.size()) {
      throw new IllegalStateException(
          "DJL block has " + parameters.size() + " parameters, expected " + shapes.size());
    }
    for (int i = 0; i < shapes.size(); i++) {
      NDArray array = parameters.get(i).getArray();
      long[] actual = array.getShape().getShape();
      int[] expected = shapes.get(i).dims();
      if (!sameShape(actual, expected)) {
        throw new IllegalStateException(
            "parameter " + parameters.get(i).getName() + " has shape " + array.getShape()
                + ", expected " + shapes.get(i));
      }
      array.set(values.get(i));
    }
  }

  private static boolean sameShape(long[] actual, int[] expected) {
    if (actual.length != expected.length) {
      return false;
    }
    for (int d = 0; d < actual.length; d++) {
      if (actual[d] != expected[d]) {
        return false;
      }
    }
    return true;
  }
}
