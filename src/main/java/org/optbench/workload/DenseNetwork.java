package org.optbench.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * A stack of fully connected layers with ReLU between them and none after the last: with no
 * hidden layers it is a linear model. Engine-free: each engine builds its own version of it.
 *
 * @param inputs input features
 * @param hidden hidden layer widths (possibly empty)
 * @param outputs output units
 */
public record DenseNetwork(int inputs, List<Integer> hidden, int outputs) {

  public DenseNetwork {
    hidden = List.copyOf(hidden);
  }

  /** Layer widths from input to output, e.g. [10, 64, 3]. */
  public List<Integer> widths() {
    List<Integer> widths = new ArrayList<>();
    widths.add(inputs);
    widths.addAll(hidden);
    widths.add(outputs);
    return widths;
  }

  /** Parameter tensors in the order engines create them: per layer, weight (out, in) then bias. */
  public List<TensorShape> parameterShapes() {
    List<Integer> widths = widths();
    List<TensorShape> shapes = new ArrayList<>();
    for (int layer = 0; layer + 1 < widths.size(); layer++) {
      int in = widths.get(layer);
      int out = widths.get(layer + 1);
      shapes.add(new TensorShape("layer" + layer + ".weight", new int[] {out, in}));
      shapes.add(new TensorShape("layer" + layer + ".bias", new int[] {out}));
    }
    return shapes;
  }

  /** Trainable scalars. */
  public long parameterCount() {
    return parameterShapes().stream().mapToLong(TensorShape::size).sum();
  }
}
