package org.optbench.optim.replay;

import java.util.List;

/** One case being replayed on an engine: its parameters and optimizer state, one step at a time. */
public interface ReplayRun extends AutoCloseable {

  /**
   * Clips the gradients and applies one optimizer update at the case's scheduled lr.
   *
   * @param step the 1-based step
   * @param grads per tensor, the step's gradient values (finite; not modified)
   * @param loss the step's training loss, NaN when the case gives none
   * @param hessianDiagonal per tensor, the step's Hessian-diagonal estimate for an optimizer
   *     that takes one, or null (not modified)
   */
  void step(int step, float[][] grads, double loss, float[][] hessianDiagonal);

  /**
   * Overwrites the parameters with {@code values} (per tensor, in the case's order), keeping the
   * optimizer and clipping state: the next step starts from them. The stepwise check restarts
   * every step from the reference's iterate this way.
   */
  void restart(float[][] values);

  /** Per tensor, a copy of the parameters now. */
  float[][] params();

  /**
   * Copies of the optimizer state arrays of parameter tensor {@code tensor}, in the native
   * optimizer's order; empty where an engine keeps its state private (DJL's built-ins).
   */
  List<float[]> state(int tensor);

  /** Frees what the run holds; the default holds nothing outside the Java heap. */
  @Override
  default void close() {}
}
