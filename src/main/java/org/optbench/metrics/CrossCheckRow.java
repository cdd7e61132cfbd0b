package org.optbench.metrics;

/**
 * One tensor's difference between the engine-side and the native optimizer at one step.
 *
 * @param step 1-based step
 * @param tensor the parameter's name; {@code name:stateK} for its K-th optimizer state array;
 *     {@code loss} for the training-loss difference of a trajectory check
 * @param maxAbs largest absolute elementwise difference
 * @param maxRel the relative difference as {@code CrossCheck} defines it for the mode
 * @param verdict {@code ok} or {@code beyond} (lockstep), {@code close} or {@code apart}
 *     (trajectory)
 */
public record CrossCheckRow(int step, String tensor, double maxAbs, double maxRel, String verdict) {}
