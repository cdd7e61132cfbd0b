package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.optbench.workload.TensorShape;
import org.optbench.workload.TransformerLm;

/**
 * {@link TransformerLm} on DJL, written out with NDArray operations so that the causal mask and
 * the pre-norm order are explicit (DJL's TransformerEncoderBlock is post-norm and has no causal
 * mask). Input: token ids as floats, (B, T) with T ≤ seqLen; output: logits (B, T, V).
 */
final class TransformerLmBlock extends ExplicitBlock {

  /** torch.nn.LayerNorm's default epsilon. */
  private static final float LN_EPS = 1e-5f;

  /** Parameters per Transformer block, in {@link TransformerLm#parameterShapes()} order. */
  private static final int PER_LAYER = 12;

  private final TransformerLm lm;
  private final List<Parameter> parameters = new ArrayList<>();

  TransformerLmBlock(TransformerLm lm) {
    this.lm = lm;
    for (TensorShape shape : lm.parameterShapes()) {
      parameters.add(declare(shape));
    }
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray ids = inputs.singletonOrThrow().toType(DataType.INT64, false);
    int t = Math.toIntExact(ids.getShape().get(1));
    NDArray positions = ids.getManager().arange(0, t, 1).toType(DataType.INT64, false);
    NDArray tokenTable = p(store, 0, ids, training);
    NDArray h = Embedding.embedding(ids, tokenTable, SparseFormat.DENSE).singletonOrThrow();
    h = h.add(Embedding.embedding(positions, p(store, 1, ids, training), SparseFormat.DENSE)
        .singletonOrThrow());
    NDArray maskBias = CausalMask.bias(ids.getManager(), t);
    for (int layer = 0; layer < lm.layers(); layer++) {
      int base = 2 + layer * PER_LAYER;
      NDArray a = layerNorm(h, store, base, training);
      h = h.add(attention(a, maskBias, store, base + 2, training));
      NDArray m = layerNorm(h, store, base + 6, training);
      NDArray hidden = Activation.gelu(linear(m, store, base + 8, training));
      h = h.add(linear(hidden, store, base + 10, training));
    }
    int last = 2 + lm.layers() * PER_LAYER;
    h = layerNorm(h, store, last, training);
    NDArray head = lm.tiedHead() ? tokenTable : p(store, last + 2, h, training);
    return new NDList(Linear.linear(h, head).singletonOrThrow());
  }

  /**
   * Multi-head causal self-attention (Vaswani et al. 2017, §3.2): softmax(QKᵀ/√d_head + mask)V per
   * head, heads concatenated and projected. {@code first} indexes the qkv weight.
   */
  private NDArray attention(
      NDArray x, NDArray maskBias, ParameterStore store, int first, boolean training) {
    long b = x.getShape().get(0);
    long t = x.getShape().get(1);
    int heads = lm.heads();
    int headDim = lm.dModel() / heads;
    NDList qkv = linear(x, store, first, training).split(3, 2);
    NDArray q = qkv.get(0).reshape(b, t, heads, headDim).transpose(0, 2, 1, 3);
    NDArray k = qkv.get(1).reshape(b, t, heads, headDim).transpose(0, 2, 3, 1);
    NDArray v = qkv.get(2).reshape(b, t, heads, headDim).transpose(0, 2, 1, 3);
    NDArray scale = GraphScalar.of(x.getManager(), (float) Math.sqrt(headDim));
    NDArray scores = q.matMul(k).div(scale).add(maskBias);
    NDArray mixed = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(b, t, lm.dModel());
    return linear(mixed, store, first + 2, training);
  }

  private NDArray layerNorm(NDArray x, ParameterStore store, int first, boolean training) {
    return LayerNorm.layerNorm(
            x,
            new Shape(lm.dModel()),
            p(store, first, x, training),
            p(store, first + 1, x, training),
            LN_EPS)
        .singletonOrThrow();
  }

  private NDArray linear(NDArray x, ParameterStore store, int first, boolean training) {
    return Linear.linear(x, p(store, first, x, training), p(store, first + 1, x, training))
        .singletonOrThrow();
  }

  private NDArray p(ParameterStore store, int index, NDArray like, boolean training) {
    return value(store, parameters.get(index), like, training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape ids = inputShapes[0];
    return new Shape[] {new Shape(ids.get(0), ids.get(1), lm.vocabulary())};
  }
}
