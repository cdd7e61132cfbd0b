package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Views taken at the first backward pass still show later gradients: PyTorch accumulates into the
 * same {@code .grad} tensor, and zeroing in place keeps it. For y = sum(W·x) with W of shape (1, 2)
 * and no bias, ∂y/∂W = x, which makes every expected value plain.
 */
class GradientViewsTest {

  @Test
  void cachedViewsFollowEveryLaterBackwardPass() {
    DjlOffline.enforce();
    try (Model model = Model.newInstance("views", "PyTorch");
        NDManager manager = model.getNDManager().newSubManager()) {
      Linear linear = Linear.builder().setUnits(1).optBias(false).build();
      model.setBlock(linear);
      linear.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 2));
      ParameterStore store = new ParameterStore(manager, false);
      List<Parameter> parameters = linear.getParameters().values();
      GradientViews views = new GradientViews(parameters, manager);

      float[][] inputs = {{3, 4}, {-1, 2}, {0.5f, 0.25f}};
      for (float[] x : inputs) {
        try (NDManager step = manager.newSubManager()) {
          NDArray input = step.create(x, new Shape(1, 2));
          try (GradientCollector collector = model.getNDManager().getEngine().newGradientCollector()) {
            NDArray y = linear.forward(store, new NDList(input), true).singletonOrThrow().sum();
            collector.backward(y);
          }
          List<NDArray> grads = views.current(step);
          assertArrayEquals(x, grads.get(0).toFloatArray(), 0f, "∂(W·x)/∂W = x");
          // What an optimizer does after its update: zero the gradient in place.
          NDArray accumulated = parameters.get(0).getArray().getGradient();
          accumulated.subi(accumulated);
          accumulated.close();
        }
      }
      assertTrue(views.reusing(), "views taken once were verified and kept");
    }
  }
}
