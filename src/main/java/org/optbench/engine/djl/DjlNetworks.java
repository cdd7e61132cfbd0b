package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.List;
import org.optbench.workload.DenseNetwork;
import org.optbench.workload.TensorShape;

/** Builds DJL blocks for the engine-free architectures in {@code workload}. */
final class DjlNetworks {

  private DjlNetworks() {}

  /** Dense layers with ReLU between them and none after the last. */
  static Block build(DenseNetwork network) {
    SequentialBlock block = new SequentialBlock();
    List<Integer> widths = network.widths();
    for (int layer = 1; layer < widths.size(); layer++) {
      block.add(Linear.builder().setUnits(widths.get(layer)).build());
      if (layer + 1 < widths.size()) {
        block.add(Activation::relu);
      }
    }
    return block;
  }

  /**
   * Overwrites the block's initialised parameters with {@code values}, which follow {@link
   * DenseNetwork#parameterShapes()}. DJL lists a Linear's weight (out, in) before its bias, the
   * same order, and the shapes are checked so a mismatch fails loudly instead of training garbage.
   */
  static void load(Block block, DenseNetwork network, List<float[]> values) {
    List<TensorShape> shapes = network.parameterShapes();
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
