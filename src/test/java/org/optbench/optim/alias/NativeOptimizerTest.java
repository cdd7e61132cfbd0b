package org.optbench.optim.alias;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optbench.optim.NonFiniteGradientException;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.Tensor;
import org.optbench.optim.Trees;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Component;

class NativeOptimizerTest {

  private static NativeOptimizer sgd(double lr, String clip, Object... clipParams) {
    return NativeOptimizers.create(Components.optimizer("sgd", "lr", lr),
        Components.clip(clip, clipParams), Components.schedule("constant"));
  }

  /**
   * What a run records of its optimizer: the recipe, the steps taken, the step size (the lr for
   * Adam), and the state bytes, the optimizer's and AutoClip's history together.
   */
  @Test
  void reportsItsRecipeStepsStepSizeAndStateBytes() {
    NativeOptimizer opt = NativeOptimizers.create(Components.optimizer("adam", "lr", 0.01),
        Components.clip("autoclip"), Components.schedule("constant"), 100);
    ParamTree p = Trees.wb(1);
    opt.init(p);
    StepReport last = null;
    for (int t = 1; t <= 3; t++) {
      last = opt.step(p, p.zerosLike(), StepContext.of(t, 0.01, Double.NaN));
    }
    assertEquals("adam", opt.recipe().name());
    assertEquals(3, opt.steps());
    assertEquals(0.01, last.stepSize(), 0);
    assertEquals(120, opt.optimizerStateBytes(), "m and v for 15 floats");
    assertTrue(opt.clipStateBytes() > 0, "AutoClip keeps a history");
    assertEquals(120 + opt.clipStateBytes(), opt.stateBytes());
  }

  @Test
  void gradientsShapedUnlikeTheParametersAreRefused() {
    NativeOptimizer opt = sgd(0.1, "none");
    ParamTree p = Trees.vector(0, 0);
    opt.init(p);
    assertThrows(IllegalArgumentException.class,
        () -> opt.step(p, Trees.vector(1, 2, 3), StepContext.of(1, 0.1, Double.NaN)));
  }

  @Test
  void stepClipsThenUpdatesAndReports() {
    // SGD lr 0.1 with global_norm 1: g = (3, 4) → (0.6, 0.8) → p = −(0.06, 0.08).
    NativeOptimizer opt = sgd(0.1, "global_norm", "max_norm", 1.0);
    ParamTree p = Trees.vector(0, 0);
    opt.init(p);
    StepReport r = opt.step(p, Trees.vector(3, 4), 2.5);
    assertArrayEquals(new float[] {-0.06f, -0.08f}, p.data(0), 1e-7f);
    assertEquals(1, r.step());
    assertEquals(0.1, r.lr(), 1e-15);
    assertEquals(5.0, r.clip().normBefore(), 1e-12);
    assertEquals(1.0, r.clip().normAfter(), 1e-6);
    assertTrue(r.clip().clipped());
  }

  @Test
  void withoutClippingTheReportStillCarriesTheNorm() {
    NativeOptimizer opt = sgd(0.1, "none");
    ParamTree p = Trees.vector(0, 0);
    opt.init(p);
    StepReport r = opt.step(p, Trees.vector(3, 4), Double.NaN);
    assertEquals(5.0, r.clip().normBefore(), 1e-12);
    assertEquals(5.0, r.clip().normAfter(), 1e-12);
    assertFalse(r.clip().clipped());
    assertTrue(Double.isNaN(r.clip().threshold()));
  }

  /** The documented NaN policy: throw, name the tensor, write nothing, keep the step count. */
  @Test
  void nonFiniteGradientThrowsBeforeAnythingIsWritten() {
    NativeOptimizer opt = NativeOptimizers.create(Components.optimizer("adam", "lr", 0.1),
        Components.clip("none"), Components.schedule("constant"));
    ParamTree p = Trees.wb(1);
    ParamTree before = p.copy();
    opt.init(p);
    ParamTree g = p.zerosLike();
    g.data(1)[2] = Float.NaN;
    var e = assertThrows(NonFiniteGradientException.class, () -> opt.step(p, g, 1.0));
    assertEquals("b", e.tensor());
    assertEquals(2, e.index());
    assertEquals(0, opt.steps());
    assertArrayEquals(before.data(0), p.data(0));
    assertArrayEquals(before.data(1), p.data(1));
    // The next clean step is step 1: Adam's first step moves each coordinate by lr·sign(g).
    ParamTree ones = p.zerosLike();
    java.util.Arrays.fill(ones.data(0), 1f);
    assertEquals(1, opt.step(p, ones, 1.0).step());
    assertEquals(before.data(0)[0] - 0.1f, p.data(0)[0], 1e-6f);
  }

  @Test
  void scheduleMultipliesTheOptimizersLr() {
    NativeOptimizer opt = NativeOptimizers.create(Components.optimizer("sgd", "lr", 0.1),
        Components.clip("none"), Components.schedule("warmup_cosine", "warmup_steps", 10), 110);
    assertEquals(0.01, opt.learningRate(1), 1e-15);
    assertEquals(0.055, opt.learningRate(60), 1e-12);
  }

  @Test
  void crossParameterRulesNameTheComponent() {
    var nesterov = assertThrows(IllegalArgumentException.class,
        () -> NativeOptimizers.recipe(Components.optimizer("sgd", "nesterov", true)));
    // The definitions' own rules, with the messages a spec gets (SpecErrorsTest).
    assertEquals("optimizer sgd: nesterov: true needs momentum > 0 and dampening = 0, got momentum"
        + " 0.0 and dampening 0.0", nesterov.getMessage());
    var adafactor = assertThrows(IllegalArgumentException.class,
        () -> NativeOptimizers.recipe(Components.optimizer("adafactor", "lr", 0.01)));
    assertTrue(adafactor.getMessage().startsWith(
        "optimizer adafactor: lr 0.01 cannot be combined with relative_step: true"),
        adafactor.getMessage());
    var rprop = assertThrows(IllegalArgumentException.class,
        () -> NativeOptimizers.recipe(Components.optimizer("rprop", "step_size_min", 100.0)));
    assertTrue(rprop.getMessage().startsWith(
        "optimizer rprop: step_size_min must be <= step_size_max"), rprop.getMessage());
    var total = assertThrows(IllegalArgumentException.class,
        () -> NativeOptimizers.schedule(Components.schedule("warmup_linear"), 0));
    assertTrue(total.getMessage().contains("total_steps is unset"));
  }

  @Test
  void everyCatalogueEntryHasANativeImplementation() {
    for (var o : Catalog.components(Axis.OPTIMIZER)) {
      assertEquals(o.name(), NativeOptimizers.recipe(Components.optimizer(o.name())).name());
    }
    for (var c : Catalog.components(Axis.CLIP)) {
      sgd(0.1, c.name());
    }
    for (var s : Catalog.components(Axis.SCHEDULE)) {
      NativeOptimizers.schedule(Components.schedule(s.name()), 1000);
    }
  }

  @Test
  void gpt3PresetIsAdamwWithClippingAndCosine() {
    Presets.Preset gpt3 = Presets.gpt3();
    assertEquals(0.95, gpt3.optimizer().number("beta2"));
    assertEquals(0.1, gpt3.optimizer().number("weight_decay"));
    assertEquals(1.0, gpt3.clip().number("max_norm"));
    NativeOptimizer opt = NativeOptimizers.create(gpt3.optimizer(), gpt3.clip(), gpt3.schedule(),
        10_000);
    assertEquals(6e-5, opt.learningRate(10_000), 1e-12);
  }

  /**
   * Steady state allocates nothing: the state, its scratch and the report are reused. Shampoo and
   * SOAP run with precondition_frequency beyond the 1700 steps here, so that only step 1 (in the
   * warm-up) refreshes their preconditioners: a refresh step allocates inside commons-math3's
   * EigenDecomposition (Shampoo's roots, SOAP's first basis) and QRDecomposition (SOAP's later
   * bases), which take and return new arrays; every other step allocates nothing. Shampoo runs
   * once more with block_size 24 (w's 64 × 32 in 3 × 2 blocks, the last of each 16 or 8 wide;
   * b's 32 in 24 + 8), whose blocks copy the gradient out and the update back in place.
   */
  @Test
  void stepsAllocateNothingOnceInitialised() {
    List<Component> optimizers = new ArrayList<>();
    for (var o : Catalog.components(Axis.OPTIMIZER)) {
      optimizers.add(o.name().equals("shampoo") || o.name().equals("soap")
          ? Components.optimizer(o.name(), "precondition_frequency", 10_000)
          : Components.optimizer(o.name()));
    }
    optimizers.add(Components.optimizer("shampoo", "precondition_frequency", 10_000,
        "block_size", 24));
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (Component optimizer : optimizers) {
      NativeOptimizer opt = NativeOptimizers.create(optimizer,
          Components.clip("global_norm"), Components.schedule("constant"));
      ParamTree p = ParamTree.of(Tensor.zeros("w", 64, 32), Tensor.zeros("b", 32));
      ParamTree g = p.zerosLike();
      opt.init(p);
      for (int t = 0; t < 200; t++) {
        refill(g, t);
        opt.step(p, g, 1.0);
      }
      // The least of three windows: an allocation per step shows in every window, a one-off of
      // the JIT compiling or deoptimising on this thread (seen once, 560 B) in one only.
      long allocated = Long.MAX_VALUE;
      for (int window = 0; window < 3; window++) {
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int t = 0; t < 500; t++) {
          refill(g, t);
          opt.step(p, g, 1.0);
        }
        allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - before);
      }
      assertTrue(allocated < 500,
          optimizer.label() + " allocated " + allocated + " B in 500 steps");
    }
  }

  /**
   * Every clipping method, over a whole run of 2500 steps: AutoClip's history is sized from the
   * run's length, so it never grows (it used to double at 1024 and 2048 norms).
   */
  @Test
  void clipsAllocateNothingOverARunOfKnownLength() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    int steps = 2500;
    for (var c : Catalog.components(Axis.CLIP)) {
      NativeOptimizer opt = NativeOptimizers.create(Components.optimizer("sgd"),
          Components.clip(c.name()), Components.schedule("constant"), steps);
      ParamTree p = ParamTree.of(Tensor.zeros("w", 16, 8), Tensor.zeros("b", 8));
      ParamTree g = p.zerosLike();
      opt.init(p);
      long stateBytes = opt.clipStateBytes();
      for (int t = 0; t < 100; t++) {
        refill(g, t);
        opt.step(p, g, 1.0 + Math.sin(t));
      }
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int t = 100; t < steps; t++) {
        refill(g, t);
        opt.step(p, g, 1.0 + Math.sin(t));
      }
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      assertTrue(allocated < 500, c.name() + " allocated " + allocated + " B in 2400 steps");
      assertEquals(stateBytes, opt.clipStateBytes(), c.name());
    }
    NativeOptimizer auto = NativeOptimizers.create(Components.optimizer("sgd"),
        Components.clip("autoclip"), Components.schedule("constant"), steps);
    assertEquals(8L * steps, auto.init(Trees.vector(1, 2)).clipStateBytes());
  }

  private static void refill(ParamTree g, int t) {
    for (int i = 0; i < g.size(); i++) {
      float[] d = g.data(i);
      for (int j = 0; j < d.length; j++) {
        d[j] = (float) Math.sin(j + t);
      }
    }
  }
}
