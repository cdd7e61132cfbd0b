package org.optbench.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * A LeNet-style convolutional classifier for one-channel images (LeCun et al. 1998; the modern
 * form of d2l.ai §7.6 with ReLU and max pooling): per entry of {@code channels}, a k×k convolution
 * with "same" zero padding, ReLU and 2×2 max pooling; then fully connected layers with ReLU and a
 * linear head. The input arrives flattened (rows × columns) and the model reshapes it.
 *
 * @param height image rows
 * @param width image columns
 * @param channels output channels of each convolution, e.g. [6, 16]
 * @param kernel side of the square kernels (odd, so that "same" padding is symmetric)
 * @param dense widths of the hidden fully connected layers, e.g. [120, 84]
 * @param classes output classes
 */
public record ConvNet(
    int height, int width, List<Integer> channels, int kernel, List<Integer> dense, int classes)
    implements ModelSpec {

  public ConvNet {
    channels = List.copyOf(channels);
    dense = List.copyOf(dense);
    if (kernel % 2 == 0) {
      throw new IllegalArgumentException("kernel must be odd, got " + kernel);
    }
  }

  /** Features entering the first dense layer: last channels × the image halved once per conv. */
  public int flattened() {
    int h = height;
    int w = width;
    for (int i = 0; i < channels.size(); i++) {
      h /= 2;
      w /= 2;
    }
    // Exact: a spec's channels may be large enough for this to overflow (see Footprint).
    return Math.multiplyExact(Math.multiplyExact(channels.get(channels.size() - 1), h), w);
  }

  /** A convolution's kernel acts at every output position of its ("same"-padded) input. */
  @Override
  public long multiplyAddsPerInput() {
    long total = 0;
    int h = height;
    int w = width;
    int in = 1;
    for (int out : channels) {
      total += (long) h * w * out * in * kernel * kernel;
      h /= 2;
      w /= 2;
      in = out;
    }
    List<Integer> widths = denseWidths();
    for (int i = 0; i + 1 < widths.size(); i++) {
      total += (long) widths.get(i) * widths.get(i + 1);
    }
    return total;
  }

  /** Widths of the dense part, from the flattened features to the classes. */
  public List<Integer> denseWidths() {
    List<Integer> widths = new ArrayList<>();
    widths.add(flattened());
    widths.addAll(dense);
    widths.add(classes);
    return widths;
  }

  /** Per convolution weight (out, in, k, k) and bias, then per dense layer weight and bias. */
  @Override
  public List<TensorShape> parameterShapes() {
    List<TensorShape> shapes = new ArrayList<>();
    int in = 1;
    for (int i = 0; i < channels.size(); i++) {
      int out = channels.get(i);
      shapes.add(new TensorShape("conv" + i + ".weight", new int[] {out, in, kernel, kernel}));
      shapes.add(new TensorShape("conv" + i + ".bias", new int[] {out}));
      in = out;
    }
    List<Integer> widths = denseWidths();
    for (int i = 0; i + 1 < widths.size(); i++) {
      shapes.add(new TensorShape("fc" + i + ".weight", new int[] {widths.get(i + 1), widths.get(i)}));
      shapes.add(new TensorShape("fc" + i + ".bias", new int[] {widths.get(i + 1)}));
    }
    return shapes;
  }

  /**
   * torch's defaults for Conv2d and Linear: weight and bias from U(−1/√fan_in, 1/√fan_in), with
   * fan_in = in_channels·k·k for a convolution (torch/nn/modules/conv.py, reset_parameters).
   */
  @Override
  public List<float[]> initialValues(long seed) {
    InitStream stream = new InitStream(seed);
    List<float[]> values = new ArrayList<>();
    for (TensorShape shape : parameterShapes()) {
      if (shape.dims().length > 1) {
        int[] dims = shape.dims();
        long fanIn = shape.size() / dims[0];
        values.add(stream.uniform(shape.size(), 1.0 / Math.sqrt(fanIn)));
        values.add(stream.uniform(dims[0], 1.0 / Math.sqrt(fanIn)));
      }
    }
    return values;
  }

  @Override
  public int[] inputShape() {
    return new int[] {height * width};
  }
}
