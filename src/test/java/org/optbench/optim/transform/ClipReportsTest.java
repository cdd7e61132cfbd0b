package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optbench.optim.ClipReport;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;
import org.optbench.optim.Trees;
import org.optbench.optim.alias.NativeComponentProvider;
import org.optbench.registry.CrossChecks;
import org.optbench.spec.Component;

/**
 * What every clipping method reports (the report's norm columns and clipped flag): the global L2
 * norm of the gradients it received and of those it returned, recomputed here in double, and
 * that a method which changed them says it clipped; at every setting the registry generates, over steps whose gradient
 * scale jumps (0.05 to 20). And torch's 1e-6 in clip_grad_norm_'s coefficient where it shows.
 */
class ClipReportsTest {

  private static final float[] SCALES = {1f, 20f, 0.05f, 3f, 0.5f, 8f, 0.2f, 1f};

  static Stream<Arguments> everyClipSetting() {
    return CrossChecks.allClips().stream().filter(c -> !c.name().equals("none"))
        .map(c -> Arguments.of(c.label(), c));
  }

  private static double norm(ParamTree tree) {
    double s = 0;
    for (int i = 0; i < tree.size(); i++) {
      for (float v : tree.data(i)) {
        s += (double) v * v;
      }
    }
    return Math.sqrt(s);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyClipSetting")
  void reportsTheNormsItSawAndLeft(String label, Component clip) {
    GradientTransform transform = NativeComponentProvider.installed().clip(clip, SCALES.length);
    Random random = new Random(label.hashCode());
    ParamTree params = ParamTree.of(Tensor.zeros("w", 4, 3), Tensor.zeros("b", 3));
    for (int i = 0; i < params.size(); i++) {
      for (int j = 0; j < params.data(i).length; j++) {
        params.data(i)[j] = (float) random.nextGaussian();
      }
    }
    TransformState state = transform.init(params);
    for (int t = 1; t <= SCALES.length; t++) {
      ParamTree g = params.zerosLike();
      for (int i = 0; i < g.size(); i++) {
        for (int j = 0; j < g.data(i).length; j++) {
          g.data(i)[j] = (float) random.nextGaussian() * SCALES[t - 1];
        }
      }
      ParamTree before = g.copy();
      transform.update(g, state, params, StepContext.of(t, 0.1, 10.0 / t));
      ClipReport r = ((ClipState) state).report();
      String where = label + ", step " + t;
      assertEquals(norm(before), r.normBefore(), 1e-6 * norm(before), where + ": norm before");
      assertEquals(norm(g), r.normAfter(), 1e-6 * norm(before), where + ": norm after");
      boolean changed = false;
      for (int i = 0; i < g.size(); i++) {
        changed |= !java.util.Arrays.equals(before.data(i), g.data(i));
      }
      // A method that changed a gradient says so; "clipped" may also mean the rule fired with a
      // coefficient that rounds to 1 in float32 (torch's rule at a threshold equal to the norm).
      if (changed) {
        assertEquals(true, r.clipped(), where + ": changed but not reported clipped");
      }
    }
  }

  /**
   * clip_grad_norm_'s coefficient is max_norm / (norm + 1e-6): at norm 1e-3 and max_norm 1e-4,
   * 1e-4 / 1.001e-3 = 0.0999000999, so (6e-4, 8e-4) becomes (5.994006e-5, 7.992008e-5), not
   * 0.1 of it; the same per tensor.
   */
  @Test
  void torchsEpsilonShowsAtSmallNorms() {
    ParamTree g = Trees.vector(6e-4f, 8e-4f);
    ClipReport r = ClipTest.apply(ClipByGlobalNorm.clipByGlobalNorm(1e-4), g);
    assertArrayEquals(new float[] {5.994006e-5f, 7.992008e-5f}, g.data(0), 1e-11f);
    assertEquals(9.99000999e-5, r.normAfter(), 1e-12);
    ParamTree h = Trees.vector(6e-4f, 8e-4f);
    ClipTest.apply(ClipByParamNorm.clipByParamNorm(1e-4), h);
    assertArrayEquals(new float[] {5.994006e-5f, 7.992008e-5f}, h.data(0), 1e-11f);
  }
}
