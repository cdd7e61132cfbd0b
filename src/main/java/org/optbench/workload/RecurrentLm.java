package org.optbench.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * A character-level language model (Karpathy 2015, "The Unreasonable Effectiveness of Recurrent
 * Neural Networks"; Graves 2013): token embedding, {@code layers} stacked LSTM or GRU layers and
 * a linear head giving next-token logits at every position.
 *
 * @param cell LSTM (4 gates) or GRU (3 gates)
 * @param vocabulary token ids
 * @param embedding embedding width
 * @param hidden recurrent state width
 * @param layers stacked recurrent layers
 * @param seqLen tokens per training example (the truncated back-propagation length)
 */
public record RecurrentLm(
    Cell cell, int vocabulary, int embedding, int hidden, int layers, int seqLen)
    implements ModelSpec {

  /** The recurrent cell. */
  public enum Cell {
    LSTM(4),
    GRU(3);

    private final int gates;

    Cell(int gates) {
      this.gates = gates;
    }

    /** Gate blocks stacked in each weight matrix (torch.nn.LSTM: i, f, g, o; GRU: r, z, n). */
    public int gates() {
      return gates;
    }
  }

  /**
   * The embedding, the head's weight and bias, then per layer torch.nn.LSTM/GRU's weight_ih,
   * weight_hh, bias_ih, bias_hh: DJL lists a block's own parameters before its children's.
   */
  @Override
  public List<TensorShape> parameterShapes() {
    List<TensorShape> shapes = new ArrayList<>();
    shapes.add(new TensorShape("embedding", new int[] {vocabulary, embedding}));
    shapes.add(new TensorShape("head.weight", new int[] {vocabulary, hidden}));
    shapes.add(new TensorShape("head.bias", new int[] {vocabulary}));
    // Exact: a spec's hidden may be large enough for this to overflow (see Footprint).
    int gated = Math.multiplyExact(cell.gates(), hidden);
    for (int layer = 0; layer < layers; layer++) {
      int in = layer == 0 ? embedding : hidden;
      shapes.add(new TensorShape("rnn.l" + layer + ".weight_ih", new int[] {gated, in}));
      shapes.add(new TensorShape("rnn.l" + layer + ".weight_hh", new int[] {gated, hidden}));
      shapes.add(new TensorShape("rnn.l" + layer + ".bias_ih", new int[] {gated}));
      shapes.add(new TensorShape("rnn.l" + layer + ".bias_hh", new int[] {gated}));
    }
    return shapes;
  }

  /**
   * torch's defaults: nn.Embedding N(0, 1); nn.Linear U(±1/√fan_in) for weight and bias;
   * nn.LSTM/GRU U(±1/√hidden) for every weight and bias (torch/nn/modules/rnn.py).
   */
  @Override
  public List<float[]> initialValues(long seed) {
    InitStream stream = new InitStream(seed);
    List<float[]> values = new ArrayList<>();
    List<TensorShape> shapes = parameterShapes();
    values.add(stream.normal(shapes.get(0).size(), 1.0));
    values.add(stream.uniform(shapes.get(1).size(), 1.0 / Math.sqrt(hidden)));
    values.add(stream.uniform(shapes.get(2).size(), 1.0 / Math.sqrt(hidden)));
    for (TensorShape shape : shapes.subList(3, shapes.size())) {
      values.add(stream.uniform(shape.size(), 1.0 / Math.sqrt(hidden)));
    }
    return values;
  }

  @Override
  public int[] inputShape() {
    return new int[] {seqLen};
  }
}
