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
 * @param initial initial parameters (names, shapes, values)
 * @param grads per step, per tensor, the gradient values
 * @param losses per step the training loss, or null (only {@code loss_feedback} reads it)
 * @param expected per step, per tensor, the expected parameters, or null
 */
public record ReplayCase(String name, Component optimizer, Component clip, ParamTree initial,
    List<float[][]> grads, double[] losses, List<float[][]> expected) {

  public int steps() {
    return grads.size();
  }
}
