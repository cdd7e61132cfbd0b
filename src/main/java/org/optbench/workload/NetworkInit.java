package org.optbench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Initial parameter values computed in Java from the seed, so that every engine (and the native
 * cross-check) starts from bit-identical weights whatever its own random number generator does.
 *
 * <p>The distribution is torch.nn.Linear's default: weights from kaiming_uniform_(a = √5), whose
 * bound gain·√(3 / fan_in) with gain = √(2 / (1 + a²)) simplifies to 1/√fan_in, and biases from
 * U(−1/√fan_in, 1/√fan_in) (torch/nn/modules/linear.py, reset_parameters).
 */
public final class NetworkInit {

  private NetworkInit() {}

  /** One float array per tensor of {@link DenseNetwork#parameterShapes()}, in that order. */
  public static List<float[]> initialValues(DenseNetwork network, long seed) {
    // A stream of its own, distinct from the data and shuffling streams of the same seed.
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 1);
    List<float[]> values = new ArrayList<>();
    for (TensorShape shape : network.parameterShapes()) {
      int[] dims = shape.dims();
      int fanIn = dims.length == 2 ? dims[1] : fanInOfBias(network, shape);
      double bound = 1.0 / Math.sqrt(fanIn);
      float[] tensor = new float[(int) shape.size()];
      for (int i = 0; i < tensor.length; i++) {
        tensor[i] = (float) (bound * (2 * random.nextDouble() - 1));
      }
      values.add(tensor);
    }
    return values;
  }

  /** A bias's fan-in is that of the weight of the same layer (the tensor just before it). */
  private static int fanInOfBias(DenseNetwork network, TensorShape bias) {
    List<TensorShape> shapes = network.parameterShapes();
    int index = shapes.indexOf(bias);
    return shapes.get(index - 1).dims()[1];
  }
}
