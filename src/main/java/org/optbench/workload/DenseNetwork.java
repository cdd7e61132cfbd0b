package org.optbench.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * A stack of fully connected layers with ReLU between them and none after the last: with no
 * hidden layers it is a linear model (linear or logistic regression). Optional dropout follows
 * every hidden ReLU, as in the MLP of Kingma &amp; Ba 2015, §6.2. Engine-free: each engine builds its
 * own version of it.
 *
 * @param inputs input features
 * @param hidden hidden layer widths (possibly empty)
 * @param outputs output units
 * @param dropout probability of zeroing a hidden unit during training; 0 for none
 */
public record DenseNetwork(int inputs, List<Integer> hidden, int outputs, double dropout)
    implements ModelSpec {

  public DenseNetwork {
    hidden = List.copyOf(hidden);
  }

  /** A network without dropout. */
  public DenseNetwork(int inputs, List<Integer> hidden, int outputs) {
    this(inputs, hidden, outputs, 0.0);
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
  @Override
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

  @Override
  public List<float[]> initialValues(long seed) {
    return NetworkInit.initialValues(this, seed);
  }

  @Override
  public int[] inputShape() {
    return new int[] {inputs};
  }
}
