package org.optbench.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * A tiny decoder-only Transformer language model in the GPT-2 layout (Radford et al. 2019;
 * Karpathy's nanoGPT, model.py): token plus learned position embedding, {@code layers} pre-norm
 * blocks x + attn(LN(x)), x + mlp(LN(x)) with causal multi-head self-attention and a 4×-wide GELU
 * MLP, a final LayerNorm and a head that is the token embedding (tied, Press &amp; Wolf 2017) or a
 * matrix of its own. No dropout.
 *
 * @param vocabulary token ids
 * @param dModel embedding width
 * @param heads attention heads; divides {@code dModel}
 * @param layers Transformer blocks
 * @param seqLen context length (the number of learned positions)
 * @param tiedHead whether the head reuses the token embedding
 */
public record TransformerLm(
    int vocabulary, int dModel, int heads, int layers, int seqLen, boolean tiedHead)
    implements ModelSpec {

  /** nanoGPT's standard deviation for weights. */
  static final double INIT_STD = 0.02;

  public TransformerLm {
    if (dModel % heads != 0) {
      throw new IllegalArgumentException(
          "d_model " + dModel + " is not a multiple of heads " + heads);
    }
  }

  /** Tensors in the order the DJL block declares them; LayerNorm's gamma before beta. */
  @Override
  public List<TensorShape> parameterShapes() {
    int d = dModel;
    // Exact: a spec's d_model may be large enough for 4·d to overflow (see Footprint).
    int qkv = Math.multiplyExact(3, d);
    int wide = Math.multiplyExact(4, d);
    List<TensorShape> shapes = new ArrayList<>();
    shapes.add(new TensorShape("token_embedding", new int[] {vocabulary, d}));
    shapes.add(new TensorShape("position_embedding", new int[] {seqLen, d}));
    for (int l = 0; l < layers; l++) {
      String p = "block" + l + ".";
      shapes.add(new TensorShape(p + "ln1.gamma", new int[] {d}));
      shapes.add(new TensorShape(p + "ln1.beta", new int[] {d}));
      shapes.add(new TensorShape(p + "attn.qkv.weight", new int[] {qkv, d}));
      shapes.add(new TensorShape(p + "attn.qkv.bias", new int[] {qkv}));
      shapes.add(new TensorShape(p + "attn.proj.weight", new int[] {d, d}));
      shapes.add(new TensorShape(p + "attn.proj.bias", new int[] {d}));
      shapes.add(new TensorShape(p + "ln2.gamma", new int[] {d}));
      shapes.add(new TensorShape(p + "ln2.beta", new int[] {d}));
      shapes.add(new TensorShape(p + "mlp.fc.weight", new int[] {wide, d}));
      shapes.add(new TensorShape(p + "mlp.fc.bias", new int[] {wide}));
      shapes.add(new TensorShape(p + "mlp.proj.weight", new int[] {d, wide}));
      shapes.add(new TensorShape(p + "mlp.proj.bias", new int[] {d}));
    }
    shapes.add(new TensorShape("ln_f.gamma", new int[] {d}));
    shapes.add(new TensorShape("ln_f.beta", new int[] {d}));
    if (!tiedHead) {
      shapes.add(new TensorShape("head.weight", new int[] {vocabulary, d}));
    }
    return shapes;
  }

  /**
   * nanoGPT's _init_weights: weights and embeddings N(0, 0.02²), the two residual projections
   * per block N(0, (0.02/√(2·layers))²) (GPT-2's scaling of residual layers), biases 0,
   * LayerNorm gamma 1 and beta 0.
   */
  @Override
  public List<float[]> initialValues(long seed) {
    InitStream stream = new InitStream(seed);
    double residualStd = INIT_STD / Math.sqrt(2.0 * layers);
    List<float[]> values = new ArrayList<>();
    for (TensorShape shape : parameterShapes()) {
      String name = shape.name();
      long n = shape.size();
      if (name.endsWith("gamma")) {
        values.add(InitStream.constant(n, 1f));
      } else if (name.endsWith("beta") || name.endsWith("bias")) {
        values.add(InitStream.constant(n, 0f));
      } else if (name.endsWith("proj.weight")) {
        values.add(stream.normal(n, residualStd));
      } else {
        values.add(stream.normal(n, INIT_STD));
      }
    }
    return values;
  }

  @Override
  public int[] inputShape() {
    return new int[] {seqLen};
  }
}
