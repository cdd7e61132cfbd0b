package org.optbench.optim.alias;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.spec.Axis;
import org.optbench.spec.ComponentValues;

/** The native library used from Java without a spec, as docs/library.md shows it. */
class NativeLibraryTest {

  @Test
  void adamWMadeFromJavaValuesTakesTheStepWorkedByHand() {
    // AdamW, t = 1, p = 1, g = 0.25, lr 0.1, λ 0.01: p·(1 − lr·λ) = 0.999, then
    // − lr·g/(|g| + ε) = −0.09999999600: p = 0.899000004 (as torch.optim.AdamW).
    NativeOptimizer adamW = NativeOptimizers.create(
        ComponentValues.resolve(Axis.OPTIMIZER, "adamw", Map.of("lr", 0.1, "weight_decay", 0.01)),
        ComponentValues.resolve(Axis.CLIP, "none", Map.of()),
        ComponentValues.resolve(Axis.SCHEDULE, "constant", Map.of()));
    ParamTree params = ParamTree.of(new Tensor("w", new int[] {1}, new float[] {1f}));
    adamW.init(params);
    adamW.step(params, ParamTree.of(new Tensor("w", new int[] {1}, new float[] {0.25f})), 0.0);
    assertEquals(0.899000004, params.data(0)[0], 1e-6);
  }
}
