package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optbench.optim.OptimizerSnapshot;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.optim.alias.NativeOptimizer;
import org.optbench.optim.alias.NativeOptimizers;
import org.optbench.spec.Axis;
import org.optbench.spec.Component;
import org.optbench.testing.Cells;

/**
 * A Schedule-Free run stopped after step k, saved (parameters and {@link OptimizerSnapshot}),
 * restored into a fresh optimizer and continued, ends bit for bit where the run that never
 * stopped ends, on each engine: parameters y, state (z, v) and evaluation point x. The gradient
 * depends on the parameters, so a state restored wrongly would change every later step; the lr
 * warms up over 5 of the 12 steps, so max_lr and Σw matter, and the split falls inside the
 * warm-up and after it.
 */
class ScheduleFreeResumeTest {

  private static final int STEPS = 12;
  private static final int[][] SHAPES = {{4, 3}, {3}};

  static Component schedule() {
    return Cells.component(Axis.SCHEDULE, "warmup_linear",
        Map.of("warmup_steps", 5, "final_factor", 1.0));
  }

  static Component optimizer(String name) {
    return name.equals("schedule_free_sgd")
        ? Cells.component(Axis.OPTIMIZER, name, Map.of("lr", 0.1, "weight_decay", 0.1))
        : Cells.component(Axis.OPTIMIZER, name, Map.of("lr", 0.01, "weight_decay", 0.1));
  }

  /** Initial parameters, fixed. */
  static float[][] initial() {
    Random random = new Random(7);
    float[][] out = new float[SHAPES.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new float[size(SHAPES[i])];
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] = (float) random.nextGaussian();
      }
    }
    return out;
  }

  /** The gradient of step t at y: a curvature term in y plus noise of step t. */
  static float[][] gradient(int t, float[][] y) {
    Random noise = new Random(1000 + t);
    float[][] g = new float[y.length][];
    for (int i = 0; i < y.length; i++) {
      g[i] = new float[y[i].length];
      for (int j = 0; j < g[i].length; j++) {
        g[i][j] = y[i][j] * (0.5f + j % 3) + (float) noise.nextGaussian();
      }
    }
    return g;
  }

  private static int size(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  // ---------------------------------------------------------------- native

  private static NativeOptimizer nativeOptimizer(String name) {
    return NativeOptimizers.create(optimizer(name), Cells.noClip(), schedule(), STEPS);
  }

  private static ParamTree tree(float[][] values) {
    List<Tensor> tensors = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      tensors.add(new Tensor("p" + i, SHAPES[i], values[i].clone()));
    }
    return ParamTree.of(tensors);
  }

  private static void nativeSteps(NativeOptimizer o, ParamTree p, int from, int to) {
    for (int t = from; t <= to; t++) {
      assertEquals(t, o.steps() + 1);
      o.step(p, tree(gradient(t, p.values())), Double.NaN);
    }
  }

  /** {parameters, state arrays (flattened per tensor), evaluation point} at the end. */
  private static List<float[][]> nativeEnd(NativeOptimizer o, ParamTree p) {
    ParamTree x = p.zerosLike();
    o.evaluationPoint(p, x);
    return List.of(p.values(), flat(o.snapshot()), x.values());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"schedule_free_sgd", "schedule_free_adamw"})
  void nativeRunResumedAfterStepKEqualsTheUninterruptedRun(String name) {
    NativeOptimizer whole = nativeOptimizer(name);
    ParamTree p = tree(initial());
    whole.init(p);
    nativeSteps(whole, p, 1, STEPS);
    List<float[][]> expected = nativeEnd(whole, p);

    for (int k : new int[] {3, 8}) {
      NativeOptimizer first = nativeOptimizer(name);
      ParamTree q = tree(initial());
      first.init(q);
      nativeSteps(first, q, 1, k);
      OptimizerSnapshot saved = first.snapshot();
      float[][] savedParams = q.values();
      // What the first optimizer does afterwards does not reach the snapshot.
      nativeSteps(first, q, k + 1, k + 1);

      NativeOptimizer second = nativeOptimizer(name);
      ParamTree r = tree(savedParams);
      second.init(r);
      second.restore(saved);
      assertEquals(k, second.steps());
      nativeSteps(second, r, k + 1, STEPS);
      assertBitwise(expected, nativeEnd(second, r), name + " split after step " + k);
    }
  }

  // ---------------------------------------------------------------- engine

  /** The engine optimizer on NDArrays that require gradients, as the replay engine drives it. */
  private static final class EngineRun implements AutoCloseable {
    final NDManager manager = NDManager.newBaseManager("PyTorch");
    final TorchScheduleFree optimizer;
    final List<NDArray> weights = new ArrayList<>();
    final List<String> ids = new ArrayList<>();

    EngineRun(String name, float[][] start) {
      ThreadGradMode.off();
      Optimizer o = DjlOptimizers.create(optimizer(name), null, schedule(), STEPS);
      optimizer = (TorchScheduleFree) o;
      for (int i = 0; i < start.length; i++) {
        long[] dims = java.util.Arrays.stream(SHAPES[i]).asLongStream().toArray();
        NDArray w = manager.create(start[i].clone(), new Shape(dims));
        w.setRequiresGradient(true);
        weights.add(w);
        ids.add("p" + i);
      }
    }

    void steps(int from, int to) {
      for (int t = from; t <= to; t++) {
        float[][] g = gradient(t, values());
        try (NDManager scratch = manager.newSubManager()) {
          for (int i = 0; i < weights.size(); i++) {
            optimizer.update(ids.get(i),
                weights.get(i), scratch.create(g[i], weights.get(i).getShape()));
          }
        }
      }
    }

    float[][] values() {
      return weights.stream().map(NDArray::toFloatArray).toArray(float[][]::new);
    }

    List<float[][]> end() {
      float[][] y = values();
      float[][] state = flat(optimizer.snapshot(ids));
      optimizer.toEvaluationPoint(ids, weights);
      float[][] x = values();
      optimizer.toTrainingPoint(ids, weights);
      assertBitwise(List.<float[][]>of(y), List.<float[][]>of(values()), "back at y");
      return List.of(y, state, x);
    }

    @Override
    public void close() {
      manager.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"schedule_free_sgd", "schedule_free_adamw"})
  void engineRunResumedAfterStepKEqualsTheUninterruptedRun(String name) {
    List<float[][]> expected;
    try (EngineRun whole = new EngineRun(name, initial())) {
      whole.steps(1, STEPS);
      expected = whole.end();
    }
    for (int k : new int[] {3, 8}) {
      OptimizerSnapshot saved;
      float[][] savedParams;
      try (EngineRun first = new EngineRun(name, initial())) {
        first.steps(1, k);
        saved = first.optimizer.snapshot(first.ids);
        savedParams = first.values();
      }
      try (EngineRun second = new EngineRun(name, savedParams)) {
        second.optimizer.restore(second.ids, second.weights, saved);
        second.steps(k + 1, STEPS);
        assertBitwise(expected, second.end(), name + " split after step " + k);
      }
    }
  }

  /** Both engines save the same layout: steps, scalars and arrays of the native order. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"schedule_free_sgd", "schedule_free_adamw"})
  void bothEnginesSaveTheSameState(String name) {
    NativeOptimizer o = nativeOptimizer(name);
    ParamTree p = tree(initial());
    o.init(p);
    nativeSteps(o, p, 1, 4);
    OptimizerSnapshot fromNative = o.snapshot();
    try (EngineRun engine = new EngineRun(name, initial())) {
      engine.steps(1, 4);
      OptimizerSnapshot fromEngine = engine.optimizer.snapshot(engine.ids);
      assertEquals(fromNative.steps(), fromEngine.steps());
      assertArrayEquals(fromNative.scalars(), fromEngine.scalars());
      assertEquals(fromNative.arrays().size(), fromEngine.arrays().size());
      for (int i = 0; i < fromNative.arrays().size(); i++) {
        float[][] a = fromNative.arrays().get(i);
        float[][] b = fromEngine.arrays().get(i);
        assertEquals(name.endsWith("adamw") ? 2 : 1, a.length, "z (and v)");
        for (int k = 0; k < a.length; k++) {
          double[] diff = Differences.values(b[k], a[k]);
          assertTrue(diff[1] <= Differences.LOCKSTEP_RTOL, "tensor " + i + " array " + k);
        }
      }
    }
  }

  @Test
  void aSnapshotOfTheWrongShapeIsRefused() {
    NativeOptimizer o = nativeOptimizer("schedule_free_adamw");
    o.init(tree(initial()));
    OptimizerSnapshot one = new OptimizerSnapshot(0, new double[] {0, 0},
        List.of(new float[][] {new float[12]}, new float[][] {new float[3]}));
    assertThrows(IllegalArgumentException.class, () -> o.restore(one), "z without v");
    NativeOptimizer adam = NativeOptimizers.create(
        Cells.component(Axis.OPTIMIZER, "adam", Map.of()), Cells.noClip(), schedule(), STEPS);
    adam.init(tree(initial()));
    assertThrows(UnsupportedOperationException.class, adam::snapshot);
  }

  /** Every state array of a snapshot, tensor after tensor. */
  static float[][] flat(OptimizerSnapshot snapshot) {
    return snapshot.arrays().stream().flatMap(java.util.Arrays::stream).toArray(float[][]::new);
  }

  static void assertBitwise(List<float[][]> expected, List<float[][]> actual, String what) {
    assertEquals(expected.size(), actual.size(), what);
    for (int part = 0; part < expected.size(); part++) {
      float[][] e = expected.get(part);
      float[][] a = actual.get(part);
      assertEquals(e.length, a.length, what);
      for (int i = 0; i < e.length; i++) {
        int[] eb = new int[e[i].length];
        int[] ab = new int[a[i].length];
        for (int j = 0; j < eb.length; j++) {
          eb[j] = Float.floatToRawIntBits(e[i][j]);
        }
        for (int j = 0; j < ab.length; j++) {
          ab[j] = Float.floatToRawIntBits(a[i][j]);
        }
        assertArrayEquals(eb, ab, what + ": part " + part + ", tensor " + i);
      }
    }
  }
}
