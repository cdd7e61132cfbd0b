package org.optbench.optim.schedule;

/** Step → multiplier of the optimizer's learning rate; the lr of step t is {@code lr·factor(t)}. */
@FunctionalInterface
public interface Schedule {

  /** The multiplier at 1-based step {@code step}. */
  double factor(int step);
}
