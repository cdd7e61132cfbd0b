package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;

/**
 * {@code u ← −lr·u} with the step's (scheduled) learning rate: the last link of most recipes.
 * The minus sign is there because gradient descent follows the negative gradient.
 */
public final class ScaleByLearningRate implements GradientTransform {

  private static final ScaleByLearningRate INSTANCE = new ScaleByLearningRate();

  private ScaleByLearningRate() {}

  public static GradientTransform scaleByLearningRate() {
    return INSTANCE;
  }

  @Override
  public TransformState init(ParamTree params) {
    return TransformState.EMPTY;
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    float factor = (float) -c.lr();
    for (int i = 0; i < updates.size(); i++) {
      float[] u = updates.data(i);
      for (int j = 0; j < u.length; j++) {
        u[j] *= factor;
      }
    }
    return updates;
  }
}
