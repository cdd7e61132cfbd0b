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
import org.optbench.optim.replay.ReplayRun;

/**
 * {@code replay --engine djl}: runs a conformance case through the engine-side clipping and
 * optimizers on DJL's PyTorch engine. Registered in
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
  public ReplayRun start(ReplayCase c) throws ReplayException {
    Optimizer optimizer;
    GradientClipping clipping;
    try {
      optimizer = DjlOptimizers.create(c.optimizer(), c.clip(), c.schedule(), c.steps());
      boolean builtinClip = DjlOptimizers.builtin(c.optimizer()) && c.clip().name().equals("value");
      clipping = builtinClip ? GradientClipping.NONE : GradientClipping.of(c.clip());
    } catch (IllegalArgumentException e) {
      throw new ReplayException(c.name(), "optimizer", e.getMessage());
    }
    return new Run(c, optimizer, clipping);
  }

  /** The case's parameters as NDArrays that require gradients, updated in place each step. */
  private static final class Run implements ReplayRun {

    private final Optimizer optimizer;
    private final GradientClipping clipping;
    private final NDManager manager = NDManager.newBaseManager("PyTorch");
    private final List<NDArray> weights = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final StepContext context = new StepContext();

    Run(ReplayCase c, Optimizer optimizer, GradientClipping clipping) {
      ThreadGradMode.off();
      this.optimizer = optimizer;
      this.clipping = clipping;
      for (Tensor t : c.initial()) {
        NDArray w = manager.create(t.data().clone(), shape(t));
        w.setRequiresGradient(true);
        ids.add(id(weights.size()));
        weights.add(w);
      }
      if (optimizer instanceof TorchParamGroups groups) {
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
          ids.add(id(i));
          names.add(c.initial().get(i).name());
        }
        groups.bind(ids, names, weights);
      }
    }

    @Override
    public void step(int step, float[][] values, double loss, float[][] hessianDiagonal) {
      clipping.reserve(weights);
      try (NDManager scratch = manager.newSubManager()) {
        List<NDArray> grads = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
          grads.add(scratch.create(values[i].clone(), weights.get(i).getShape()));
        }
        if (hessianDiagonal != null && optimizer instanceof TorchOptimizer torch) {
          for (int i = 0; i < weights.size(); i++) {
            torch.giveHessianDiagonal(id(i),
                scratch.create(hessianDiagonal[i].clone(), weights.get(i).getShape()));
          }
        }
        double norm = GradientClipping.globalNorm(grads);
        context.set(step, DjlOptimizers.learningRate(optimizer, step), loss);
        List<NDArray> flat = grads.stream().map(g -> g.reshape(-1)).toList();
        clipping.apply(flat, weights, norm, context);
        if (optimizer instanceof TorchOptimizer torch) {
          torch.updateAll(ids, weights, grads);
        } else {
          for (int i = 0; i < weights.size(); i++) {
            optimizer.update(ids.get(i), weights.get(i), grads.get(i));
          }
        }
      }
    }

    @Override
    public void restart(float[][] values) {
      for (int i = 0; i < weights.size(); i++) {
        weights.get(i).set(values[i]);
      }
    }

    @Override
    public float[][] params() {
      float[][] out = new float[weights.size()][];
      for (int i = 0; i < out.length; i++) {
        out[i] = weights.get(i).toFloatArray();
      }
      return out;
    }

    @Override
    public List<float[]> state(int tensor) {
      return optimizer instanceof TorchOptimizer torch
          ? torch.state(id(tensor)).stream().map(NDArray::toFloatArray).toList()
          : List.of();
    }

    @Override
    public void close() {
      manager.close();
    }

    private static String id(int tensor) {
      return "p" + tensor;
    }
  }

  private static Shape shape(Tensor t) {
    long[] dims = new long[t.rank()];
    for (int d = 0; d < dims.length; d++) {
      dims[d] = t.dim(d);
    }
    return new Shape(dims);
  }
}
