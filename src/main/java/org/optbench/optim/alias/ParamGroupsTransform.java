package org.optbench.optim.alias;

import java.util.ArrayList;
import java.util.List;
import org.optbench.optim.EvaluationPoint;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;
import org.optbench.spec.Component;
import org.optbench.spec.ParamAssignment;

/**
 * An optimizer entry with parameter groups in the native library, in the manner of optax's
 * {@code multi_transform}: the tensors are partitioned by {@link ParamAssignment} at {@link
 * #init} (from their names and ranks), each part runs its group's optimizer on its own sub-tree,
 * with its own learning rate under the shared schedule (and its part of a Hessian-diagonal
 * estimate, when the step has one), and the parts' updates land in the one update tree. A group
 * whose optimizer has an {@link EvaluationPoint} (Schedule-Free) gives its tensors' evaluation
 * point; the other tensors are evaluated as they are.
 */
final class ParamGroupsTransform implements GradientTransform, EvaluationPoint {

  private final Component optimizer;

  ParamGroupsTransform(Component optimizer) {
    this.optimizer = optimizer;
  }

  /**
   * One group: its optimizer, its tensors, its state and the context its steps see. The
   * sub-trees of the last update and parameter trees are kept, so that steps on the same trees
   * (the runner's) allocate nothing.
   */
  private static final class Part {
    final int[] tensors;
    final GradientTransform transform;
    final TransformState state;
    final double lrRatio;
    final StepContext context = new StepContext();
    final int elements;
    private final ParamTree[] source = new ParamTree[3];
    private final ParamTree[] view = new ParamTree[3];

    Part(int[] tensors, GradientTransform transform, TransformState state, double lrRatio,
        int elements) {
      this.tensors = tensors;
      this.transform = transform;
      this.state = state;
      this.lrRatio = lrRatio;
      this.elements = elements;
    }

    int[] tensors() {
      return tensors;
    }

    TransformState state() {
      return state;
    }

    /**
     * This group's view of {@code tree} (slot 0: updates, 1: parameters, 2: a Hessian-diagonal
     * estimate).
     */
    ParamTree view(ParamTree tree, int slot) {
      if (source[slot] != tree || !sameTensors(tree, view[slot])) {
        source[slot] = tree;
        view[slot] = subTree(tree, tensors);
      }
      return view[slot];
    }

    private boolean sameTensors(ParamTree tree, ParamTree sub) {
      for (int k = 0; k < tensors.length; k++) {
        if (tree.get(tensors[k]) != sub.get(k)) {
          return false;
        }
      }
      return true;
    }
  }

  /** The parts, which depend on the parameters and so live in the state. */
  private record State(List<Part> parts) implements TransformState {

    @Override
    public long stateBytes() {
      return parts.stream().mapToLong(p -> p.state().stateBytes()).sum();
    }

    @Override
    public void tensorArrays(int tensor, List<float[]> out) {
      for (Part part : parts) {
        for (int k = 0; k < part.tensors().length; k++) {
          if (part.tensors()[k] == tensor) {
            part.state().tensorArrays(k, out);
            return;
          }
        }
      }
    }
  }

  @Override
  public TransformState init(ParamTree params) {
    ParamAssignment assignment = ParamAssignment.of(optimizer, describe(params));
    double mainLr = NativeOptimizers.baseLr(optimizer);
    List<Part> parts = new ArrayList<>();
    for (Component group : assignment.distinct()) {
      int[] tensors = assignment.tensorsOf(group);
      GradientTransform transform = NativeOptimizers.memberRecipe(group).transform();
      ParamTree own = subTree(params, tensors);
      parts.add(new Part(tensors, transform, transform.init(own),
          NativeOptimizers.baseLr(group) / mainLr, (int) own.numel()));
    }
    return new State(parts);
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params,
      StepContext c) {
    List<Part> parts = ((State) state).parts();
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      ParamTree in = part.view(updates, 0);
      StepContext own = part.context.set(c.step(), c.lr() * part.lrRatio, c.loss())
          .withHessianDiagonal(c.hessianDiagonal() == null ? null
              : part.view(c.hessianDiagonal(), 2));
      ParamTree out = part.transform.update(in, part.state, part.view(params, 1), own);
      for (int k = 0; k < part.tensors.length; k++) {
        float[] target = updates.data(part.tensors[k]);
        if (out.data(k) != target) {
          System.arraycopy(out.data(k), 0, target, 0, target.length);
        }
      }
      c.recordStepSize(own.stepSize(), part.elements);
    }
    return updates;
  }

  @Override
  public boolean movesEvaluation(TransformState state) {
    for (Part part : ((State) state).parts()) {
      if (part.transform instanceof EvaluationPoint point && point.movesEvaluation(part.state)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void evaluationPoint(ParamTree params, TransformState state, ParamTree into) {
    for (Part part : ((State) state).parts()) {
      if (part.transform instanceof EvaluationPoint point) {
        point.evaluationPoint(part.view(params, 1), part.state, subTree(into, part.tensors));
      } else {
        for (int i : part.tensors) {
          System.arraycopy(params.data(i), 0, into.data(i), 0, params.data(i).length);
        }
      }
    }
  }

  static List<ParamAssignment.Param> describe(ParamTree params) {
    List<ParamAssignment.Param> out = new ArrayList<>();
    for (Tensor t : params) {
      out.add(new ParamAssignment.Param(t.name(), t.rank()));
    }
    return out;
  }

  static ParamTree subTree(ParamTree tree, int[] tensors) {
    List<Tensor> picked = new ArrayList<>(tensors.length);
    for (int i : tensors) {
      picked.add(tree.get(i));
    }
    return ParamTree.of(picked);
  }
}
