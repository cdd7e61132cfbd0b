package org.optbench.workload;

import java.util.List;
import org.optbench.spec.Component;
import org.optbench.spec.SaturatingMath;

/**
 * How large one run of a workload is, in values (32-bit floats), computed from its spec and
 * model shapes without allocating anything: what a spec's limits bound, and what {@code validate}
 * estimates memory from.
 *
 * @param parameters trainable scalars
 * @param largestTensor the largest parameter tensor, e.g. {@code layer0.weight[1000000000, 2]}
 * @param largestTensorValues its values
 * @param dataValues values the dataset holds for one seed ({@link Workloads#dataValues})
 * @param activationValues values of the largest activation a training batch creates, roughly
 *     (see {@link #activations})
 */
public record Footprint(
    long parameters,
    String largestTensor,
    long largestTensorValues,
    long dataValues,
    long activationValues) {

  /**
   * The footprint of {@code workload}, made from {@code spec}.
   *
   * @throws ArithmeticException when a tensor dimension the spec implies does not fit in an int
   *     (every engine indexes tensors with ints)
   */
  public static Footprint of(Component spec, Workload workload) {
    List<TensorShape> shapes = workload.parameterShapes();
    long parameters = 0;
    TensorShape largest = null;
    long largestValues = -1;
    for (TensorShape shape : shapes) {
      long values = size(shape);
      parameters = SaturatingMath.add(parameters, values);
      if (values > largestValues) {
        largest = shape;
        largestValues = values;
      }
    }
    return new Footprint(parameters, largest == null ? "none" : largest.toString(),
        Math.max(0, largestValues), Workloads.dataValues(spec),
        SaturatingMath.multiply(workload.batchSize(), activations(workload.model())));
  }

  /**
   * Values of the largest activation per example: the widest layer of a dense network, the
   * widest convolution output, the gate pre-activations or logits of every step of a recurrent
   * sequence, and attention's heads × T × T scores of a Transformer. A measure for limits and
   * estimates; engines keep several such arrays for the backward pass.
   */
  static long activations(ModelSpec model) {
    if (model instanceof DenseNetwork dense) {
      return dense.widths().stream().mapToLong(Integer::longValue).max().orElse(0);
    }
    if (model instanceof ConvNet conv) {
      long widest = conv.denseWidths().stream().mapToLong(Integer::longValue).max().orElse(0);
      long side = (long) conv.height() * conv.width();
      for (int channels : conv.channels()) {
        widest = Math.max(widest, SaturatingMath.multiply(channels, side));
        side /= 4;
      }
      return widest;
    }
    if (model instanceof RecurrentLm lm) {
      long perStep = Math.max((long) lm.cell().gates() * lm.hidden(), lm.vocabulary());
      return SaturatingMath.multiply(lm.seqLen(), perStep);
    }
    if (model instanceof TransformerLm lm) {
      long t = lm.seqLen();
      long scores = SaturatingMath.multiply(lm.heads(), SaturatingMath.multiply(t, t));
      long perPosition = Math.max(4L * lm.dModel(), lm.vocabulary());
      return Math.max(scores, SaturatingMath.multiply(t, perPosition));
    }
    return model.parameterCount();
  }

  /** A tensor's values; a negative dimension (an int that overflowed) counts as too many. */
  private static long size(TensorShape shape) {
    long size = 1;
    for (int d : shape.dims()) {
      if (d < 0) {
        throw new ArithmeticException("tensor " + shape + " has a negative dimension");
      }
      size = SaturatingMath.multiply(size, d);
    }
    return size;
  }
}
