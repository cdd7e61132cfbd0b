package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.engine.Engine;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optbench.workload.AnalyticObjective;
import org.optbench.workload.AnalyticObjective.Kind;

/**
 * The analytic objectives' values and gradients: the Java closed forms against values worked out
 * by hand, and DJL's autograd through {@link AnalyticBlock} against the closed forms.
 */
class AnalyticGradientTest {

  private static AnalyticObjective objective(Kind kind, int dim, double condition) {
    return new AnalyticObjective(kind, dim, condition, 1010, -10, 101, false, null, null, 0, 0);
  }

  @Test
  void rosenbrockAtTheClassicStartMatchesHandValues() {
    // f(−1.2, 1) = 100·(1 − 1.44)² + 2.2² = 19.36 + 4.84 = 24.2;
    // ∇f = (−400·x·(y − x²) − 2(1 − x), 200(y − x²)) = (−215.6, −88).
    AnalyticObjective rosenbrock = objective(Kind.ROSENBROCK, 2, 1);
    double[] start = {-1.2, 1.0};
    assertEquals(24.2, rosenbrock.value(start, 1), 1e-12);
    assertArrayEquals(new double[] {-215.6, -88.0}, rosenbrock.gradient(start, 1), 1e-12);
  }

  @Test
  void quadraticCurvaturesSpanTheConditionNumber() {
    // κ = 100 over 3 coordinates: λ = 1, 10, 100; f(1,1,1) = ½(1 + 10 + 100) = 55.5.
    AnalyticObjective quadratic = objective(Kind.QUADRATIC, 3, 100);
    assertEquals(55.5, quadratic.value(new double[] {1, 1, 1}, 1), 1e-12);
    assertArrayEquals(new double[] {2, 20, 200}, quadratic.gradient(new double[] {2, 2, 2}, 1), 1e-12);
  }

  @Test
  void onlineSequenceFollowsReddiEtAl() {
    // Reddi et al. 2018, Fig. 1: a_t = 1010 for t mod 101 = 1, −10 otherwise; average 10/101.
    AnalyticObjective online = objective(Kind.ONLINE_LINEAR, 1, 1);
    assertEquals(1010, online.coefficient(1, 0));
    assertEquals(-10, online.coefficient(2, 0));
    assertEquals(-10, online.coefficient(101, 0));
    assertEquals(1010, online.coefficient(102, 0));
    assertEquals(-10.0 / 101, online.evalValue(new double[] {-1}), 1e-12);
  }

  @Test
  void autogradMatchesClosedForms() {
    double[] point = {0.5, -1.5, 2.0, 0.25};
    for (AnalyticObjective objective :
        List.of(objective(Kind.QUADRATIC, 4, 1000), objective(Kind.ROSENBROCK, 4, 1),
            objective(Kind.QUARTIC, 4, 1), objective(Kind.ONLINE_LINEAR, 4, 1))) {
      double a = objective.coefficient(1, 0);
      float[] grad = autogradAt(objective, point, (float) a);
      double[] expected = objective.gradient(point, a);
      for (int i = 0; i < point.length; i++) {
        assertEquals(expected[i], grad[i], 1e-5 * Math.max(1, Math.abs(expected[i])),
            objective.kind() + " coordinate " + i);
      }
    }
  }

  /** The last computed f value and ∇f at {@code point} through the DJL block. */
  private static float[] autogradAt(AnalyticObjective objective, double[] point, float a) {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      AnalyticBlock block = new AnalyticBlock(objective);
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 1));
      float[] x = new float[point.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) point[i];
      }
      NDArray parameter = block.getParameters().get(0).getValue().getArray();
      parameter.set(x);
      parameter.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray coefficient = manager.create(new float[] {a}, new Shape(1, 1));
        NDArray f = block.forward(new ParameterStore(manager, false), new NDList(coefficient), true)
            .singletonOrThrow();
        double[] point64 = point;
        assertEquals(objective.value(point64, a), f.getFloat(), 1e-4 * Math.max(1, Math.abs(f.getFloat())));
        collector.backward(f);
      }
      return parameter.getGradient().toFloatArray();
    }
  }
}
