package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optbench.workload.TransformerLm;

/**
 * The decoder's causal mask: logits at positions before a changed token are bit-identical, those
 * from the changed position on are not (Vaswani et al. 2017, §3.2.3: "prevent leftward
 * information flow").
 */
class CausalMaskTest {

  @Test
  void maskIsZeroOnAndBelowTheDiagonal() {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      float b = CausalMask.BLOCKED;
      assertArrayEquals(
          new float[] {0, b, b, 0, 0, b, 0, 0, 0}, CausalMask.bias(manager, 3).toFloatArray(), 0f);
    }
  }

  @Test
  void changingALaterTokenLeavesEarlierLogitsUnchanged() {
    TransformerLm lm = new TransformerLm(11, 16, 4, 2, 8, false);
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      TransformerLmBlock block = new TransformerLmBlock(lm);
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 8));
      List<float[]> values = lm.initialValues(3);
      var parameters = block.getParameters().values();
      for (int i = 0; i < values.size(); i++) {
        parameters.get(i).getArray().set(values.get(i));
      }
      float[] tokens = {1, 5, 2, 7, 3, 9, 4, 6};
      float[] changed = tokens.clone();
      changed[5] = 10;

      NDArray before = logits(block, manager, tokens);
      NDArray after = logits(block, manager, changed);

      // Positions 0–4 see only tokens 0–4, identical in both inputs.
      NDIndex past = new NDIndex("0, 0:5");
      assertArrayEquals(before.get(past).toFloatArray(), after.get(past).toFloatArray());
      // Position 5 sees the changed token: its logits must move (the test would pass vacuously
      // with a model that ignores its input).
      NDIndex present = new NDIndex("0, 5");
      assertFalse(Arrays.equals(before.get(present).toFloatArray(), after.get(present).toFloatArray()));
    }
  }

  private static NDArray logits(TransformerLmBlock block, NDManager manager, float[] tokens) {
    NDArray ids = manager.create(tokens, new Shape(1, tokens.length));
    return block.forward(new ParameterStore(manager, false), new NDList(ids), false).singletonOrThrow();
  }
}
