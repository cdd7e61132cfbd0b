package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.optbench.optim.FusedStep;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;
import org.optbench.optim.alias.Optimizers;

/**
 * The two-pass Adafactor steps on the shapes the golden vectors do not have: rows wider than a
 * chunk ({@link RowScratch#CHUNK}, where ΣU² takes its own pass), batches of matrices (rank 3),
 * a vector, rank 4 (batches over two leading dimensions), one-row matrices, the unfactored
 * ablation, and torch's ε₁ floor. Checked against the formulas in
 * double ({@link AdafactorReference}), and the in-place step against the update-only form.
 */
class AdafactorPassesTest {

  private static final SecondMomentDecay HF_DECAY = SecondMomentDecay.increasing(-0.8);
  private static final int[][] SHAPES =
      {{5, 7}, {2, 3, 40}, {3, 2500}, {9}, {2, 3, 1100}, {2, 2, 3, 5}, {3, 1, 4}};

  /** One configuration of either variant. */
  private record Variant(String name, boolean torch, double d, Double beta1, double wd,
      boolean factored, float gradScale) {

    GradientTransform transform() {
      return torch
          ? ScaleByAdafactorTorch.scaleByAdafactorTorch(-0.8, null, 1e-3, d, wd)
          : Optimizers.adafactor(1e-30, 1e-3, d, HF_DECAY, beta1, wd, true, true, false,
              factored).transform();
    }

    double lr() {
      return torch ? 0.01 : 1.0;
    }
  }

  private static List<Variant> variants() {
    List<Variant> out = new ArrayList<>();
    out.add(new Variant("transformers, defaults", false, 1.0, null, 0, true, 1));
    out.add(new Variant("transformers, clipping at 0.05, β1 0.9, decay 0.1", false, 0.05, 0.9,
        0.1, true, 1));
    out.add(new Variant("transformers, no clipping", false, Double.POSITIVE_INFINITY, null, 0,
        true, 1));
    out.add(new Variant("transformers, unfactored, β1 0.9", false, 0.05, 0.9, 0.1, false, 1));
    out.add(new Variant("torch, decay 0.1", true, 1.0, null, 0.1, true, 1));
    // |g| ~ 1e-8: R·C/mean(R) ~ 1e-16 < ε₁² = 1.4e-14, so every element takes the floor.
    out.add(new Variant("torch, gradients under the floor", true, 1.0, null, 0, true, 1e-8f));
    return out;
  }

  /**
   * Four steps from random parameters and gradients; at each, the update agrees with the double
   * reference to 1e-5 of its largest element (norm-wise; float32 arithmetic and float sums over
   * up to 2500 terms differ from double by about 1e-6 of the sums).
   */
  @Test
  void matchesTheFormulasInDouble() {
    for (Variant v : variants()) {
      for (int[] shape : SHAPES) {
        Random random = new Random(7);
        float[] p = gaussian(random, size(shape), 1);
        GradientTransform t = v.transform();
        ParamTree params = ParamTree.of(new Tensor("w", shape, p));
        TransformState state = t.init(params);
        AdafactorReference ref = new AdafactorReference(v.torch(),
            shape, v.factored() && shape.length >= 2, v.beta1() != null);
        for (int step = 1; step <= 4; step++) {
          float[] g = gaussian(random, p.length, v.gradScale());
          if (step == 2) {
            g[0] = 0; // a zero gradient element: its U is 0, not NaN
          }
          double[] expected = referenceUpdate(v, ref, p, g, step);
          ParamTree grads = ParamTree.of(new Tensor("w", shape, g.clone()));
          t.update(grads, state, params, StepContext.of(step, v.lr(), Double.NaN));
          float[] actual = grads.data(0);
          double worst = 0;
          double scale = 0;
          for (int j = 0; j < p.length; j++) {
            worst = Math.max(worst, Math.abs(actual[j] - expected[j]));
            scale = Math.max(scale, Math.abs(expected[j]));
          }
          String where = v.name() + ", shape " + java.util.Arrays.toString(shape) + ", step "
              + step;
          assertTrue(scale > 0 && worst <= 1e-5 * scale,
              where + ": max |Δ − Δref| " + worst + " against max |Δref| " + scale);
          TreeMath.applyUpdates(params, grads);
        }
      }
    }
  }

  /** The in-place step computes exactly the update-only form followed by {@code p += Δp}. */
  @Test
  void applyingEqualsUpdatingThenAdding() {
    for (Variant v : variants()) {
      for (int[] shape : SHAPES) {
        Random random = new Random(11);
        float[] p0 = gaussian(random, size(shape), 1);
        GradientTransform fused = v.transform();
        GradientTransform plain = v.transform();
        ParamTree a = ParamTree.of(new Tensor("w", shape, p0.clone()));
        ParamTree b = ParamTree.of(new Tensor("w", shape, p0.clone()));
        TransformState sa = fused.init(a);
        TransformState sb = plain.init(b);
        for (int step = 1; step <= 4; step++) {
          float[] g = gaussian(random, p0.length, v.gradScale());
          StepContext c = StepContext.of(step, v.lr(), Double.NaN);
          ((FusedStep) fused).step(a, ParamTree.of(new Tensor("w", shape, g.clone())), sa, c);
          TreeMath.applyUpdates(b,
              plain.update(ParamTree.of(new Tensor("w", shape, g.clone())), sb, b, c));
        }
        assertArrayEquals(b.data(0), a.data(0), 0f, v.name());
      }
    }
  }

  private static double[] referenceUpdate(Variant v, AdafactorReference ref, float[] p,
      float[] g, int t) {
    double rms = Math.max(1e-3, AdafactorReference.rms(p));
    if (v.torch()) {
      double lr = v.lr();
      double alpha = rms * Math.min(lr, 1 / Math.sqrt(t));
      return ref.update(p, g, Math.pow(t, -0.8), alpha, v.d(),
          ScaleByAdafactorTorch.FLOAT32_EPS, 0, lr * v.wd());
    }
    double alpha = rms * Math.min(1e-2, 1 / Math.sqrt(t));
    return ref.update(p, g, HF_DECAY.at(t), alpha, v.d(), 1e-30,
        v.beta1() == null ? 0 : v.beta1(), v.wd() * alpha);
  }

  private static int size(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  private static float[] gaussian(Random random, int n, float scale) {
    float[] x = new float[n];
    for (int j = 0; j < n; j++) {
      x[j] = scale * (float) random.nextGaussian();
    }
    return x;
  }
}
