package org.optbench.optim.alias;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.spec.Axis;
import org.optbench.spec.Component;
import org.optbench.spec.ParamGroup;
import org.optbench.spec.ParamSelector;
import org.optbench.testing.Cells;

/**
 * An entry with groups trains each tensor exactly as its group's optimizer alone would, with
 * the group's own learning rate under the shared schedule, and its state is the groups' states.
 */
class ParamGroupsTransformTest {

  private static ParamTree tree(float w, float b) {
    return ParamTree.of(new Tensor("layer0.weight", new int[] {2, 2}, new float[] {w, w, w, w}),
        new Tensor("layer0.bias", new int[] {2}, new float[] {b, -b}));
  }

  @Test
  void eachGroupTrainsAsItsOptimizerAloneUnderTheSchedule() {
    Component warmup = Cells.component(Axis.SCHEDULE, "warmup_linear",
        Map.of("warmup_steps", 3, "total_steps", 10));
    Component sgd = Cells.component(Axis.OPTIMIZER, "sgd", Map.of("lr", 0.1, "momentum", 0.9));
    Component adam = Cells.component(Axis.OPTIMIZER, "adam", Map.of("lr", 0.01));
    Component grouped = sgd.withGroups(List.of(
        new ParamGroup(new ParamSelector(Pattern.compile("bias"), null), adam)));
    NativeOptimizer together = NativeOptimizers.create(grouped, none(), warmup, 10);
    NativeOptimizer sgdAlone = NativeOptimizers.create(sgd, none(), warmup, 10);
    NativeOptimizer adamAlone = NativeOptimizers.create(adam, none(), warmup, 10);
    ParamTree both = tree(1f, 2f);
    ParamTree w = ParamTree.of(both.get(0).zerosLike());
    ParamTree b = ParamTree.of(both.get(1).zerosLike());
    System.arraycopy(both.data(0), 0, w.data(0), 0, 4);
    System.arraycopy(both.data(1), 0, b.data(0), 0, 2);
    together.init(both);
    sgdAlone.init(w);
    adamAlone.init(b);
    for (int t = 1; t <= 6; t++) {
      float[] gw = {0.5f * t, -1f, 2f, 0.25f};
      float[] gb = {t, 3f - t};
      ParamTree grads = tree(0, 0);
      System.arraycopy(gw, 0, grads.data(0), 0, 4);
      System.arraycopy(gb, 0, grads.data(1), 0, 2);
      together.step(both, grads, Double.NaN);
      sgdAlone.step(w, ParamTree.of(new Tensor("layer0.weight", new int[] {2, 2}, gw.clone())),
          Double.NaN);
      adamAlone.step(b, ParamTree.of(new Tensor("layer0.bias", new int[] {2}, gb.clone())),
          Double.NaN);
      assertArrayEquals(w.data(0), both.data(0), "weight at step " + t);
      assertArrayEquals(b.data(0), both.data(1), "bias at step " + t);
    }
    // SGD's momentum on 4 values and Adam's m, v on 2: 16 + 16 bytes.
    assertEquals(32, together.optimizerStateBytes());
    assertEquals(32, together.recipe().stateFormula().evaluate(tree(0, 0)));
    // The memory report names each group's share.
    assertTrue(together.recipe().stateFormula().describe(tree(0, 0)).endsWith(
        "on this model: sgd(lr=0.1,momentum=0.9) on layer0.weight: 16 B;"
            + " adam(lr=0.01) on layer0.bias: 16 B"),
        together.recipe().stateFormula().describe(tree(0, 0)));
  }

  private static Component none() {
    return Cells.component(Axis.CLIP, "none", Map.of());
  }
}
