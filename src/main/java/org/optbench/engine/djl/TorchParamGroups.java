package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.spec.Component;
import org.optbench.spec.ParamAssignment;

/**
 * An optimizer entry with parameter groups (or one that updates some ranks only, as Muon) on the
 * engine: each tensor goes to its group's engine optimizer, as torch applies one optimizer per
 * {@code param_group}. Which tensor goes where is decided by {@link ParamAssignment} from the
 * tensors' names and ranks, exactly as the native library and the spec check decide it, once the
 * caller has bound the parameter ids to names ({@link #bind}). A group whose optimizer has an
 * evaluation point (Schedule-Free) moves its own tensors there; the others stay.
 */
final class TorchParamGroups extends TorchOptimizer implements EvaluationPointOptimizer {

  private final Component optimizer;
  private final Component schedule;
  private final int totalSteps;
  private final Map<Component, TorchOptimizer> byComponent = new LinkedHashMap<>();
  private final Map<String, TorchOptimizer> byParameter = new HashMap<>();
  private final Map<String, Long> elements = new HashMap<>();

  TorchParamGroups(Component optimizer, Component schedule, int totalSteps) {
    super(new LearningRateOnly(DjlOptimizers.learningRate(optimizer, schedule, totalSteps)));
    this.optimizer = optimizer;
    this.schedule = schedule;
    this.totalSteps = totalSteps;
  }

  /**
   * Assigns each parameter to its group's optimizer; call once before the first update.
   *
   * @param ids the ids the updates will name, in the model's order
   * @param names the tensors' names as the spec's selectors see them (the workload's names)
   * @param weights the parameters, for their ranks and sizes
   * @throws IllegalArgumentException when the groups do not fit the parameters
   */
  void bind(List<String> ids, List<String> names, List<NDArray> weights) {
    List<ParamAssignment.Param> params = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      params.add(new ParamAssignment.Param(names.get(i), weights.get(i).getShape().dimension()));
    }
    ParamAssignment assignment = ParamAssignment.of(optimizer, params);
    for (int i = 0; i < ids.size(); i++) {
      TorchOptimizer sub = byComponent.computeIfAbsent(assignment.optimizerOf(i), this::create);
      byParameter.put(ids.get(i), sub);
      elements.put(ids.get(i), weights.get(i).size());
    }
  }

  private TorchOptimizer create(Component group) {
    return DjlOptimizers.groupMember(group, schedule, totalSteps);
  }

  @Override
  TorchOptimizer owner(String parameterId) {
    TorchOptimizer sub = byParameter.get(parameterId);
    if (sub == null) {
      throw new IllegalStateException("parameter " + parameterId + " was not bound to a group"
          + " (bind the model's parameters before the first update; in a DJL Trainer, step"
          + " with TorchStep instead of trainer.step())");
    }
    return sub;
  }

  /**
   * Hands each group's parameters of one step to its optimizer as one whole step, so that an
   * optimizer whose update needs sums over its tensors (Prodigy, D-Adaptation) sums over its
   * group's tensors, as torch sums over a {@code param_group}.
   */
  @Override
  void updateAll(List<String> ids, List<NDArray> weights, List<NDArray> gradients) {
    Map<TorchOptimizer, List<Integer>> members = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      members.computeIfAbsent(owner(ids.get(i)), o -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<TorchOptimizer, List<Integer>> e : members.entrySet()) {
      List<String> subIds = e.getValue().stream().map(ids::get).toList();
      List<NDArray> subWeights = e.getValue().stream().map(weights::get).toList();
      List<NDArray> subGradients = e.getValue().stream().map(gradients::get).toList();
      e.getKey().updateAll(subIds, subWeights, subGradients);
    }
  }

  /**
   * The element-weighted mean over the tensors of the step size each group's optimizer applied
   * (its own record, else its learning rate), since groups may run at different rates.
   */
  @Override
  public double stepSize(int step) {
    double weighted = 0;
    long count = 0;
    for (Map.Entry<String, TorchOptimizer> e : byParameter.entrySet()) {
      TorchOptimizer sub = e.getValue();
      double own = sub.stepSize(step);
      long n = elements.get(e.getKey());
      weighted += (Double.isNaN(own) ? sub.learningRate(step) : own) * n;
      count += n;
    }
    return count == 0 ? Double.NaN : weighted / count;
  }

  @Override
  public boolean movesEvaluation() {
    return byComponent.values().stream().anyMatch(sub -> sub instanceof EvaluationPointOptimizer);
  }

  @Override
  public void toEvaluationPoint(List<String> parameterIds, List<NDArray> weights) {
    forEachGroup(parameterIds, weights, EvaluationPointOptimizer::toEvaluationPoint);
  }

  @Override
  public void toTrainingPoint(List<String> parameterIds, List<NDArray> weights) {
    forEachGroup(parameterIds, weights, EvaluationPointOptimizer::toTrainingPoint);
  }

  private interface Move {
    void apply(EvaluationPointOptimizer optimizer, List<String> ids, List<NDArray> weights);
  }

  /** Hands each group's optimizer that has an evaluation point its own parameters, in order. */
  private void forEachGroup(List<String> parameterIds, List<NDArray> weights, Move move) {
    for (TorchOptimizer sub : byComponent.values()) {
      if (!(sub instanceof EvaluationPointOptimizer point)) {
        continue;
      }
      List<String> ids = new ArrayList<>();
      List<NDArray> own = new ArrayList<>();
      for (int i = 0; i < parameterIds.size(); i++) {
        if (owner(parameterIds.get(i)) == sub) {
          ids.add(parameterIds.get(i));
          own.add(weights.get(i));
        }
      }
      move.apply(point, ids, own);
    }
  }

  @Override
  public long stateBytes() {
    long bytes = 0;
    for (TorchOptimizer sub : byComponent.values()) {
      bytes += sub.stateBytes();
    }
    return bytes;
  }

  /** Bytes of state per group optimizer, in the order the groups were first met. */
  Map<Component, Long> stateBytesByGroup() {
    Map<Component, Long> bytes = new LinkedHashMap<>();
    byComponent.forEach((c, sub) -> bytes.put(c, sub.stateBytes()));
    return bytes;
  }

  @Override
  protected int stateArrays() {
    return 0;
  }

  @Override
  protected int scratchArrays() {
    return 0;
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    throw new IllegalStateException("a grouped optimizer updates through its groups");
  }
}
