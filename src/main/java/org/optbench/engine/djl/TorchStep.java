package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import java.util.List;
import org.optbench.optim.StepContext;

/**
 * One optimizer step of a DJL {@link Trainer}, in place of {@code trainer.step()}: gradient
 * clipping over all gradients together, then the update of every parameter at once.
 *
 * <pre>{@code
 * TorchStep step = TorchStep.of(trainer, adamW, TorchClipping.named("global_norm")
 *     .set("max_norm", 1.0).build());
 * try (GradientCollector collector = trainer.newGradientCollector()) {
 *   NDArray loss = ...;
 *   collector.backward(loss);
 *   step.take(loss.getFloat());
 * }
 * }</pre>
 *
 * <p>{@code trainer.step()} works with every optimizer of {@link TorchOptimizers} except
 * D-Adaptation and Prodigy, whose step size is a sum over every tensor that DJL's one parameter
 * at a time cannot give, and Muon, which must know every tensor's rank before its first step;
 * this class serves those too, and skips the copy of each gradient DJL's parameter server makes. A step whose gradients are not all finite is not taken (nothing
 * changes and the gradients stay as they are; {@link #take} returns the non-finite norm): as in
 * optbench's own runs, such a run has diverged and should stop.
 */
public final class TorchStep {

  private final Trainer trainer;
  private final Optimizer optimizer;
  private final GradientClipping clipping;
  private final StepContext context = StepContext.of(1, 0, 0);
  private List<Parameter> parameters;
  private List<String> ids;
  private GradientViews gradients;
  private int step;

  private TorchStep(Trainer trainer, Optimizer optimizer, GradientClipping clipping) {
    this.trainer = trainer;
    this.optimizer = optimizer;
    this.clipping = clipping;
  }

  /** Steps without clipping. {@code optimizer} must be the one the trainer's config holds. */
  public static TorchStep of(Trainer trainer, Optimizer optimizer) {
    return of(trainer, optimizer, GradientClipping.NONE);
  }

  /** Steps with {@code clipping}. {@code optimizer} must be the one the trainer's config holds. */
  public static TorchStep of(Trainer trainer, Optimizer optimizer, GradientClipping clipping) {
    return new TorchStep(trainer, optimizer, clipping);
  }

  /**
   * Clips this backward pass's gradients and updates every trainable parameter; the gradients
   * are zeroed for the next backward pass.
   *
   * @param loss the step's training loss (loss-feedback clipping reads it; others ignore it)
   * @return the gradients' global L2 norm before clipping
   */
  public double take(double loss) {
    if (parameters == null) {
      var all = trainer.getModel().getBlock().getParameters();
      List<String> names = all.keys().stream()
          .filter(key -> all.get(key).requiresGradient()).toList();
      parameters = names.stream().map(all::get).toList();
      ids = parameters.stream().map(Parameter::getId).toList();
      gradients = new GradientViews(parameters, trainer.getManager());
      if (optimizer instanceof TorchParamGroups groups) {
        // Which tensor goes to which group's optimizer, decided by rank (Muon: matrices).
        groups.bind(ids, names, parameters.stream().map(Parameter::getArray).toList());
      }
    }
    step++;
    try (NDManager stepManager = trainer.getManager().newSubManager()) {
      List<NDArray> grads = gradients.current(stepManager);
      double norm = GradientClipping.globalNorm(grads);
      if (!Double.isFinite(norm)) {
        return norm;
      }
      List<NDArray> weights = parameters.stream().map(Parameter::getArray).toList();
      // A DJL optimizer of its own tells no learning rate; only lr-scaled clipping reads it.
      boolean known = optimizer instanceof TorchOptimizer || optimizer instanceof BuiltinOptimizer;
      context.set(step, known ? DjlOptimizers.learningRate(optimizer, step) : Double.NaN, loss);
      clipping.applyInScope(grads, weights, norm, context, stepManager);
      if (optimizer instanceof TorchOptimizer torch) {
        torch.updateAll(ids, weights, grads);
      } else {
        trainer.step();
      }
      return norm;
    }
  }
}
