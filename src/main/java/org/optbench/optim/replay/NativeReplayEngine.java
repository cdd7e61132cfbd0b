package org.optbench.optim.replay;

import java.util.ArrayList;
import java.util.List;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.optim.alias.NativeOptimizer;
import org.optbench.optim.alias.NativeOptimizers;

/** Replays a case on the native Java optimizers. */
public final class NativeReplayEngine implements ReplayEngine {

  @Override
  public String name() {
    return "native";
  }

  @Override
  public ReplayRun start(ReplayCase c) throws ReplayException {
    NativeOptimizer optimizer;
    try {
      optimizer = NativeOptimizers.create(c.optimizer(), c.clip(), c.schedule(), c.steps());
    } catch (IllegalArgumentException e) {
      throw new ReplayException(c.name(), "optimizer", e.getMessage());
    }
    ParamTree params = c.initial().copy();
    optimizer.init(params);
    return new ReplayRun() {
      @Override
      public void step(int step, float[][] grads, double loss, float[][] hessianDiagonal) {
        optimizer.step(params, like(params, grads), loss,
            hessianDiagonal == null ? null : like(params, hessianDiagonal));
      }

      @Override
      public void restart(float[][] values) {
        for (int i = 0; i < params.size(); i++) {
          System.arraycopy(values[i], 0, params.data(i), 0, values[i].length);
        }
      }

      @Override
      public float[][] params() {
        return params.values();
      }

      @Override
      public List<float[]> state(int tensor) {
        return optimizer.stateArrays(tensor).stream().map(float[]::clone).toList();
      }
    };
  }

  private static ParamTree like(ParamTree params, float[][] values) {
    List<Tensor> tensors = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      Tensor p = params.get(i);
      tensors.add(new Tensor(p.name(), p.shape(), values[i].clone()));
    }
    return ParamTree.of(tensors);
  }
}
