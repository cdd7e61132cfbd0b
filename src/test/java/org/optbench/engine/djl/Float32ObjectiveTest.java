package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.optbench.engine.analytic.Float32Objective;
import org.optbench.workload.AnalyticObjective;
import org.optbench.workload.AnalyticObjective.Kind;

/**
 * {@link Float32Objective} against libtorch's autograd through {@link AnalyticBlock}, at random
 * points: the reference is the float32 value and gradient the DJL engine computes. Gradients
 * involve no reduction, so they agree to the bit except the quadratic's, whose curvatures come
 * from libtorch's vectorised exp (within an ulp of {@link Math#exp}); values are sums, bit-equal
 * up to three terms (libtorch adds those in order) and within float rounding beyond.
 */
class Float32ObjectiveTest {

  private static final int POINTS = 200;

  @ParameterizedTest(name = "{0} dim {1}")
  @CsvSource({
      "QUARTIC, 1, 0, 0", "QUARTIC, 3, 0, 0", "QUARTIC, 10, 0, 1e-6",
      "ROSENBROCK, 2, 0, 0", "ROSENBROCK, 4, 0, 0", "ROSENBROCK, 10, 0, 1e-6",
      "ONLINE_LINEAR, 1, 0, 0", "ONLINE_LINEAR, 3, 0, 0",
      "QUADRATIC, 1, 0, 0", "QUADRATIC, 10, 2.5e-7, 1e-6"})
  void matchesAutograd(Kind kind, int dim, double gradientRtol, double valueRtol) {
    AnalyticObjective objective =
        new AnalyticObjective(kind, dim, 100, 1010, -10, 101, false, null, null, 0, 0);
    Float32Objective closedForm = new Float32Objective(objective);
    SplittableRandom random = new SplittableRandom(kind.ordinal() * 100L + dim);
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      AnalyticBlock block = new AnalyticBlock(objective);
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 1));
      NDArray parameter = block.getParameters().get(0).getValue().getArray();
      parameter.setRequiresGradient(true);
      float[] grad = new float[dim];
      for (int n = 0; n < POINTS; n++) {
        float[] x = new float[dim];
        for (int i = 0; i < dim; i++) {
          x[i] = (float) random.nextDouble(-2, 2);
        }
        float a = random.nextBoolean() ? 1010f : -10f;
        float value = closedForm.valueAndGradient(x, a, grad);
        try (NDManager step = manager.newSubManager()) {
          parameter.set(x);
          float expectedValue;
          try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray f = block.forward(new ParameterStore(step, false),
                new NDList(step.create(new float[] {a}, new Shape(1, 1))), true).singletonOrThrow();
            expectedValue = f.getFloat();
            collector.backward(f);
          }
          float[] expected = parameter.getGradient().toFloatArray();
          // PyTorch accumulates gradients across backward passes.
          NativeStep.zero(block.getParameters().values());
          String at = kind + " at " + java.util.Arrays.toString(x);
          assertEquals(expectedValue, value, valueRtol * Math.abs(expectedValue), at + ": value");
          for (int i = 0; i < dim; i++) {
            assertEquals(expected[i], grad[i], gradientRtol * Math.abs(expected[i]),
                at + ": gradient " + i);
          }
        }
      }
    }
  }
}
