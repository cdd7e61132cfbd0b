package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;
import org.optbench.optim.StepContext;
import org.optbench.optim.Tensor;
import org.optbench.optim.replay.ReplayCase;
import org.optbench.optim.replay.ReplayEngine;
import org.optbench.optim.replay.ReplayException;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Component;

/**
 * {@code replay --engine djl}: runs a conformance case through the engine-side clipping and
 * optimizers on DJL's PyTorch engine, constant schedule. Registered in
 * {@code META-INF/services/org.optbench.optim.replay.ReplayEngine}.
 */
public final class DjlReplayEngine implements ReplayEngine {

  static {
    DjlOffline.enforce();
  }

  @Override
  public String name() {
    return "djl";
  }

  @Override
  public List<float[][]> replay(ReplayCase c) throws ReplayException {
    Component constant = Component.withDefaults(Catalog.require(Axis.SCHEDULE, "constant"));
    Optimizer optimizer;
    GradientClipping clipping;
    try {
      optimizer = DjlOptimizers.create(c.optimizer(), c.clip(), constant, c.steps());
      boolean builtinClip = DjlOptimizers.builtin(c.optimizer()) && c.clip().name().equals("value");
      clipping = builtinClip ? GradientClipping.NONE : GradientClipping.of(c.clip());
    } catch (IllegalArgumentException e) {
      throw new ReplayException(c.name(), "optimizer", e.getMessage());
    }
    List<float[][]> trajectory = new ArrayList<>(c.steps());
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      List<NDArray> weights = new ArrayList<>();
      for (Tensor t : c.initial()) {
        NDArray w = manager.create(t.data().clone(), shape(t));
        w.setRequiresGradient(true);
        weights.add(w);
      }
      StepContext context = new StepContext();
      for (int step = 0; step < c.steps(); step++) {
        try (NDManager scratch = manager.newSubManager()) {
          List<NDArray> grads = new ArrayList<>();
          for (int i = 0; i < weights.size(); i++) {
            grads.add(scratch.create(c.grads().get(step)[i].clone(), weights.get(i).getShape()));
          }
          double norm = GradientClipping.globalNorm(grads);
          if (!Double.isFinite(norm)) {
            throw new ReplayException(c.name(), "grads[" + step + "]",
                "non-finite gradient at step " + (step + 1));
          }
          double loss = c.losses() == null ? Double.NaN : c.losses()[step];
          context.set(step + 1, DjlOptimizers.learningRate(optimizer, step + 1), loss);
          List<NDArray> flat = grads.stream().map(g -> g.reshape(-1)).toList();
          clipping.apply(flat, weights, norm, context);
          float[][] after = new float[weights.size()][];
          for (int i = 0; i < weights.size(); i++) {
            optimizer.update("p" + i, weights.get(i), grads.get(i));
          }
          for (int i = 0; i < weights.size(); i++) {
            after[i] = weights.get(i).toFloatArray();
          }
          trajectory.add(after);
        }
      }
    }
    return trajectory;
  }

  private static Shape shape(Tensor t) {
    long[] dims = new long[t.rank()];
    for (int d = 0; d < dims.length; d++) {
      dims[d] = t.dim(d);
    }
    return new Shape(dims);
  }
}
