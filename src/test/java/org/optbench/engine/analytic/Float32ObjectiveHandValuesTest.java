package org.optbench.engine.analytic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.optbench.workload.AnalyticObjective;
import org.optbench.workload.AnalyticObjective.Kind;

/**
 * {@link Float32Objective} at points worked out by hand; the comparison with libtorch's autograd
 * is {@code engine.djl.Float32ObjectiveTest}.
 */
class Float32ObjectiveHandValuesTest {

  /** f and ∇f at one point. */
  private record At(float value, float[] gradient) {}

  private static At at(Kind kind, double condition, float[] x, float a) {
    AnalyticObjective objective =
        new AnalyticObjective(kind, x.length, condition, 1010, -10, 101, false, null, null, 0, 0);
    float[] gradient = new float[x.length];
    float value = new Float32Objective(objective).valueAndGradient(x, a, gradient);
    return new At(value, gradient);
  }

  @Test
  void rosenbrockAtTheClassicStart() {
    // f(−1.2, 1) = 100·(1 − 1.44)² + 2.2² = 19.36 + 4.84 = 24.2;
    // ∇f = (−400·x·(y − x²) − 2(1 − x), 200(y − x²)) = (−215.6, −88).
    At start = at(Kind.ROSENBROCK, 1, new float[] {-1.2f, 1f}, 1f);
    assertEquals(24.2f, start.value(), 1e-5f);
    assertArrayEquals(new float[] {-215.6f, -88f}, start.gradient(), 1e-4f);
  }

  @Test
  void quadraticCurvaturesSpanTheConditionNumber() {
    // κ = 100 over 3 coordinates: λ = 1, 10, 100; f(2, 2, 2) = ½·4·111 = 222, ∇f = 2λ.
    At twos = at(Kind.QUADRATIC, 100, new float[] {2f, 2f, 2f}, 1f);
    assertEquals(222f, twos.value(), 1e-4f);
    assertArrayEquals(new float[] {2f, 20f, 200f}, twos.gradient(), 1e-4f);
  }

  @Test
  void quarticAndOnline() {
    // x⁴ at 1.5 = 5.0625, 4x³ = 13.5 (exact in float); a·x at a = 1010, x = −1: −1010, ∇ = a.
    At quartic = at(Kind.QUARTIC, 1, new float[] {1.5f}, 1f);
    assertEquals(5.0625f, quartic.value());
    assertArrayEquals(new float[] {13.5f}, quartic.gradient());
    At online = at(Kind.ONLINE_LINEAR, 1, new float[] {-1f}, 1010f);
    assertEquals(-1010f, online.value());
    assertArrayEquals(new float[] {1010f}, online.gradient());
  }
}
