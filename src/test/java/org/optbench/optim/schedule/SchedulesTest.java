package org.optbench.optim.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Each schedule's factor at steps worked out by hand from its formula. */
class SchedulesTest {

  @Test
  void stepLrDecaysEveryStepSizeStepsCountingFromStepOne() {
    // torch StepLR(step_size=2, gamma=0.1): epochs 0,1 → 1; 2,3 → 0.1; 4 → 0.01.
    Schedule s = Schedules.step(2, 0.1);
    assertEquals(1, s.factor(1));
    assertEquals(1, s.factor(2));
    assertEquals(0.1, s.factor(3), 1e-15);
    assertEquals(0.01, s.factor(5), 1e-15);
  }

  @Test
  void exponentialAndSqrtDecay() {
    assertEquals(1, Schedules.exponential(0.5).factor(1));
    assertEquals(0.125, Schedules.exponential(0.5).factor(4));
    assertEquals(0.5, Schedules.sqrtDecay().factor(4));
  }

  @Test
  void inverseSqrtWarmsUpThenDecaysAsRootOfWOverT() {
    Schedule s = Schedules.inverseSqrt(4);
    assertEquals(0.25, s.factor(1));
    assertEquals(1, s.factor(4));
    assertEquals(0.5, s.factor(16));
  }

  @Test
  void warmupLinearReachesPeakThenFinalFactor() {
    // w = 2, T = 6, final 0: 0.5, 1, then 3/4, 1/2, 1/4, 0, 0.
    Schedule s = Schedules.warmupLinear(2, 6, 0);
    double[] expected = {0.5, 1, 0.75, 0.5, 0.25, 0, 0};
    for (int t = 1; t <= 7; t++) {
      assertEquals(expected[t - 1], s.factor(t), 1e-15, "step " + t);
    }
  }

  @Test
  void warmupCosineEndsAtTheGpt3Floor() {
    // w = 10, T = 110, floor 0.1: t = 60 is half-way, cos(π/2) = 0 → 0.1 + 0.9·0.5 = 0.55.
    Schedule s = Schedules.warmupCosine(10, 110, 0.1);
    assertEquals(0.1, s.factor(1), 1e-15);
    assertEquals(1, s.factor(10), 1e-15);
    assertEquals(0.55, s.factor(60), 1e-12);
    assertEquals(0.1, s.factor(110), 1e-12);
    assertEquals(0.1, s.factor(500), 1e-12);
  }

  @Test
  void warmupLongerThanTheRunIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> Schedules.warmupCosine(10, 10, 0.1));
    assertEquals("total_steps (10) must exceed warmup_steps (10)", e.getMessage());
  }

  /** A step size or warm-up below 1 is refused where the schedule is built, naming the field. */
  @Test
  void lengthsBelowOneAreRefused() {
    assertEquals("step_size must be at least 1, got 0", assertThrows(
        IllegalArgumentException.class, () -> Schedules.step(0, 0.5)).getMessage());
    assertEquals("warmup_steps must be at least 1, got 0", assertThrows(
        IllegalArgumentException.class, () -> Schedules.inverseSqrt(0)).getMessage());
    assertEquals("warmup_steps must be at least 1, got 0", assertThrows(
        IllegalArgumentException.class, () -> Schedules.warmupLinear(0, 10, 0)).getMessage());
    assertEquals("warmup_steps must be at least 1, got 0", assertThrows(
        IllegalArgumentException.class, () -> Schedules.warmupCosine(0, 10, 0)).getMessage());
    assertEquals("total_steps (3) must exceed warmup_steps (3)", assertThrows(
        IllegalArgumentException.class, () -> Schedules.warmupLinear(3, 3, 0)).getMessage());
    // 1 is the smallest length allowed: StepLR(step_size=1, γ=0.5) halves every step.
    assertEquals(0.25, Schedules.step(1, 0.5).factor(3));
    assertEquals(1.0, Schedules.inverseSqrt(1).factor(1));
  }
}
