package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import org.optbench.workload.TensorShape;

/**
 * A block that declares its parameters one by one with their final shapes, in the order of the
 * engine-free model's {@code parameterShapes()}, and computes its forward pass with NDArray
 * operations. DJL's initialisers are bypassed (zeros, then overwritten with the values computed
 * in Java), so nothing depends on DJL's random numbers.
 *
 * <p>Memory: every operation must have a per-step array (the input or something derived from it)
 * as its first operand; the PyTorch engine attaches a result to its first operand's manager, and
 * a result attached to a parameter's manager would live as long as the model.
 */
abstract class ExplicitBlock extends AbstractBlock {

  /** Declares a parameter of the given engine-free shape. */
  protected Parameter declare(TensorShape tensor) {
    long[] dims = new long[tensor.dims().length];
    for (int d = 0; d < dims.length; d++) {
      dims[d] = tensor.dims()[d];
    }
    return addParameter(
        Parameter.builder()
            .setName(tensor.name())
            .setType(Parameter.Type.WEIGHT)
            .optShape(new Shape(dims))
            .optInitializer(Initializer.ZEROS)
            .build());
  }

  /** The current value of {@code parameter} on the device of {@code like}. */
  protected static NDArray value(
      ParameterStore store, Parameter parameter, NDArray like, boolean training) {
    return store.getValue(parameter, like.getDevice(), training);
  }
}
