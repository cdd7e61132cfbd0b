package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;
import org.optbench.optim.Trees;
import org.optbench.optim.alias.Optimizers;
import org.optbench.optim.alias.Recipe;

/** Reference: Kingma & Ba 2015, Algorithm 1, in torch.optim.Adam's form. */
class AdamTest {

  /**
   * The seed article's worked example, f(x) = x⁴ from x₀ = 4 with lr 0.1, β = (0.9, 0.999),
   * ε = 1e-8. Step 1: g = 4x³ = 256; m = 0.1·256 = 25.6; v = 0.001·256² = 65.536;
   * m̂ = 25.6 / (1 − 0.9) = 256; v̂ = 65.536 / (1 − 0.999) = 65536; √v̂ = 256;
   * x₁ = 4 − 0.1·256/(256 + 1e-8) = 3.9 (to 4e-12). Bias correction makes the first Adam step
   * ±lr whatever the gradient's size. Without it one would get 4 − 0.1·25.6/√65.536 = 3.6838,
   * the figure to distrust. Step 2: g = 4·3.9³ = 237.276; m = 46.7676; v = 121.77036;
   * m̂ = 46.7676/0.19 = 246.14526; v̂ = 121.77036/0.001999 = 60915.64; x₂ = 3.9 − 0.1·246.14526/
   * 246.81 = 3.80027.
   */
  @Test
  void firstStepOnXToTheFourthMovesByExactlyLr() {
    for (boolean fused : new boolean[] {true, false}) {
      Recipe adam = Optimizers.adam(0.9, 0.999, 1e-8, 0, false, false, fused);
      ParamTree x = Trees.vector(4f);
      TransformState s = adam.transform().init(x);
      for (int t = 1; t <= 2; t++) {
        float xv = x.data(0)[0];
        ParamTree g = Trees.vector(4 * xv * xv * xv);
        Trees.step(adam.transform(), s, x, g, StepContext.of(t, 0.1, Double.NaN));
        assertEquals(t == 1 ? 3.9f : 3.8002697f, x.data(0)[0], 2e-6f, "step " + t);
      }
    }
  }

  /** amsgrad keeps max(v) before bias correction (torch order): after a large then a small g. */
  @Test
  void amsgradUsesTheLargestSecondMoment() {
    // g₁ = 10: m = 1, v = 0.1, v_max = 0.1. g₂ = 0: m = 0.9, v = 0.0999, v_max stays 0.1.
    // u₂ = (0.9 / 0.19) / (√0.1 / √0.001999 + 1e-8) = 4.736842 / 7.072843 = 0.669723.
    Recipe ams = Optimizers.adam(0.9, 0.999, 1e-8, 0, false, true, true);
    ParamTree p = Trees.vector(0f);
    TransformState s = ams.transform().init(p);
    Trees.step(ams.transform(), s, p, Trees.vector(10f), StepContext.of(1, 1, Double.NaN));
    float after1 = p.data(0)[0];
    Trees.step(ams.transform(), s, p, Trees.vector(0f), StepContext.of(2, 1, Double.NaN));
    assertEquals(-0.669723f, p.data(0)[0] - after1, 1e-5f);
  }

  /** AdamW: p ← p·(1 − lr·λ) − lr·m̂/(√v̂ + ε); with g = 0 at step 1 only the decay acts. */
  @Test
  void adamwDecaysWeightsOutsideTheMoments() {
    Recipe adamw = Optimizers.adam(0.9, 0.999, 1e-8, 0.5, true, false, true);
    ParamTree p = Trees.vector(2f);
    TransformState s = adamw.transform().init(p);
    Trees.step(adamw.transform(), s, p, Trees.vector(0f), StepContext.of(1, 0.1, Double.NaN));
    assertEquals(2f * (1 - 0.1f * 0.5f), p.data(0)[0], 1e-7f);
  }

  /** The one-pass kernel and the four-link chain compute the same numbers (torch: foreach vs for-loop). */
  @Test
  void fusedMatchesChain() {
    Random random = new Random(42);
    for (boolean decoupled : new boolean[] {false, true}) {
      for (boolean amsgrad : new boolean[] {false, true}) {
        Recipe fused = Optimizers.adam(0.9, 0.99, 1e-6, 0.1, decoupled, amsgrad, true);
        Recipe chain = Optimizers.adam(0.9, 0.99, 1e-6, 0.1, decoupled, amsgrad, false);
        ParamTree a = Trees.wb(1);
        ParamTree b = Trees.wb(1);
        TransformState sa = fused.transform().init(a);
        TransformState sb = chain.transform().init(b);
        for (int t = 1; t <= 20; t++) {
          float[] g = new float[15];
          for (int i = 0; i < g.length; i++) {
            g[i] = (float) random.nextGaussian();
          }
          StepContext c = StepContext.of(t, 0.01, Double.NaN);
          ((org.optbench.optim.FusedStep) fused.transform()).step(a, split(g), sa, c);
          Trees.step(chain.transform(), sb, b, split(g), c);
        }
        assertArrayEquals(b.data(0), a.data(0), 1e-6f);
        assertArrayEquals(b.data(1), a.data(1), 1e-6f);
      }
    }
  }

  private static ParamTree split(float[] g) {
    return ParamTree.of(new Tensor("w", new int[] {4, 3}, java.util.Arrays.copyOf(g, 12)),
        new Tensor("b", new int[] {3}, java.util.Arrays.copyOfRange(g, 12, 15)));
  }

  /**
   * The fused kernel's update-only form (what a chain or a cross-check calls) computes the same
   * Δp as its in-place step, with L2 decay and an eps large enough to matter (0.1).
   */
  @Test
  void fusedUpdateFormMatchesTheInPlaceStep() {
    for (boolean decoupled : new boolean[] {false, true}) {
      for (boolean amsgrad : new boolean[] {false, true}) {
        FusedAdam kernel = FusedAdam.fusedAdam(0.9, 0.99, 0.1, 0.1, decoupled, amsgrad);
        ParamTree a = Trees.wb(1);
        ParamTree b = Trees.wb(1);
        TransformState sa = kernel.init(a);
        TransformState sb = kernel.init(b);
        Random random = new Random(3);
        for (int t = 1; t <= 5; t++) {
          float[] g = new float[15];
          for (int i = 0; i < g.length; i++) {
            g[i] = (float) random.nextGaussian();
          }
          StepContext c = StepContext.of(t, 0.05, Double.NaN);
          kernel.step(a, split(g), sa, c);
          org.optbench.optim.TreeMath.applyUpdates(b, kernel.update(split(g), sb, b, c));
          for (int i = 0; i < 2; i++) {
            assertArrayEquals(a.data(i), b.data(i), 1e-6f,
                "decoupled " + decoupled + ", amsgrad " + amsgrad + ", step " + t);
          }
        }
      }
    }
  }
}
