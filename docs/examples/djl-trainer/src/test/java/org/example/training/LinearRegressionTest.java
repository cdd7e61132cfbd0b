package org.example.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import org.junit.jupiter.api.Test;

class LinearRegressionTest {

  @Test
  void adamWFromOptbenchRecoversTheLine() {
    LinearRegression.Fit fit = LinearRegression.train(500);
    // Noise-free data: the minimum is exactly w = (2, −3), b = 1 with loss 0.
    assertArrayEquals(new float[] {2f, -3f}, fit.weights(), 0.01f);
    assertEquals(1f, fit.bias(), 0.01f);
    assertTrue(fit.loss() < 1e-4, "loss " + fit.loss());
  }

  @Test
  void theOnlyLibtorchIsTheOneThisProjectDeclares() throws Exception {
    // Each pytorch-native jar carries native/lib/pytorch.properties; optbench's is optional.
    var jars = Collections.list(getClass().getClassLoader()
        .getResources("native/lib/pytorch.properties"));
    assertEquals(1, jars.size(), jars.toString());
    assertTrue(jars.get(0).toString().contains("pytorch-native-cpu-2.7.1-"), jars.toString());
  }

  @Test
  void optbenchBringsNoLoggerBinding() {
    // optbench's slf4j-simple is optional: the project chooses its own binding.
    assertThrows(ClassNotFoundException.class,
        () -> Class.forName("org.slf4j.simple.SimpleServiceProvider"));
  }
}
