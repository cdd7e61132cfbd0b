package org.optbench.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.optbench.optim.transform.AddDecayedWeights.addDecayedWeights;
import static org.optbench.optim.transform.ScaleByLearningRate.scaleByLearningRate;
import static org.optbench.optim.transform.TraceMomentum.traceMomentum;

import org.junit.jupiter.api.Test;

class ChainTest {

  @Test
  void linksRunInOrderAndStatesAddUp() {
    // (g + 0.5·p) then ×(−0.1): p = 2, g = 1 → u = −0.1·(1 + 1) = −0.2.
    GradientTransform t = Chain.chain(addDecayedWeights(0.5), scaleByLearningRate());
    ParamTree p = Trees.vector(2f);
    ParamTree g = Trees.vector(1f);
    TransformState s = t.init(p);
    t.update(g, s, p, StepContext.of(1, 0.1, Double.NaN));
    assertArrayEquals(new float[] {-0.2f}, g.data(0), 1e-7f);
    assertEquals(0, s.stateBytes());
    GradientTransform withMomentum = Chain.chain(traceMomentum(0.9, 0, false), scaleByLearningRate());
    TransformState ms = withMomentum.init(p);
    assertEquals(4, ms.stateBytes());
    // The momentum buffer is link 0's state and the chain's only state array.
    assertEquals(2, ((Chain) withMomentum).transforms().size());
    assertEquals(4, ((Chain.ChainState) ms).get(0).stateBytes());
    java.util.List<float[]> arrays = new java.util.ArrayList<>();
    ms.tensorArrays(0, arrays);
    assertEquals(1, arrays.size());
  }
}
