package org.optbench.optim.replay;

import java.util.List;
import org.optbench.optim.ParamTree;
import org.optbench.spec.Component;

/**
 * One parsed, validated case.
 *
 * @param name the case's file name
 * @param optimizer the optimizer with every hyperparameter resolved
 * @param clip the clipping method ({@code none} when the file has no {@code clip})
 * @param schedule the lr schedule ({@code constant} when the file has no {@code schedule}); its
 *     {@code total_steps}, when left unset, is the case's number of steps
 * @param initial initial parameters (names, shapes, values)
 * @param grads per step, per tensor, the gradient values
 * @param losses per step the training loss, or null (only {@code loss_feedback} reads it)
 * @param expected per step, per tensor, the expected parameters, or null
 * @param hessianDiagonals per step, per tensor, the Hessian-diagonal estimate an optimizer that
 *     takes one (Sophia) receives, null at steps without one; null for a case without estimates
 */
public record ReplayCase(String name, Component optimizer, Component clip, Component schedule,
    ParamTree initial, List<float[][]> grads, double[] losses, List<float[][]> expected,
    List<float[][]> hessianDiagonals) {

  /** A case without Hessian-diagonal estimates. */
  public ReplayCase(String name, Component optimizer, Component clip, Component schedule,
      ParamTree initial, List<float[][]> grads, double[] losses, List<float[][]> expected) {
    this(name, optimizer, clip, schedule, initial, grads, losses, expected, null);
  }

  public int steps() {
    return grads.size();
  }

  /** The estimate given at 1-based {@code step}, or null when there is none. */
  public float[][] hessianDiagonal(int step) {
    return hessianDiagonals == null ? null : hessianDiagonals.get(step - 1);
  }

  /** This case with other expected parameters (another engine's trajectory, say). */
  public ReplayCase withExpected(List<float[][]> newExpected) {
    return new ReplayCase(name, optimizer, clip, schedule, initial, grads, losses, newExpected,
        hessianDiagonals);
  }
}
