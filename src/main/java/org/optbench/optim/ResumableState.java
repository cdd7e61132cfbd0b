package org.optbench.optim;

/**
 * State that can be saved between two steps and put back into a fresh optimizer, so that a run
 * continued from the saved point takes the same steps, bit for bit, as one that never stopped.
 * What is saved is the {@link TransformState#tensorArrays}, the {@link TransformState#scalars}
 * and the number of steps taken, which the scalars leave out and which this puts back.
 */
public interface ResumableState extends TransformState {

  /**
   * Sets the number of steps taken, for a state whose arrays and scalars were just restored: the
   * next step is {@code steps + 1}.
   */
  void restoreSteps(int steps);
}
