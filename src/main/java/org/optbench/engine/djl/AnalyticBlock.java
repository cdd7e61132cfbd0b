package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.optbench.workload.AnalyticObjective;

/**
 * An {@link AnalyticObjective} on DJL: the block's one parameter is the point x, its input the
 * step's coefficient a_t (shape (1, 1)) and its output f_t(x), so that autograd gives the
 * gradient that {@link AnalyticObjective#gradient} states in closed form.
 */
final class AnalyticBlock extends ExplicitBlock {

  private final AnalyticObjective objective;
  private final Parameter point;

  AnalyticBlock(AnalyticObjective objective) {
    this.objective = objective;
    this.point = declare(objective.parameterShapes().get(0));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray a = inputs.singletonOrThrow();
    NDArray parameter = value(store, point, a, training);
    // 0 + x in the step's manager: x itself belongs to the model, and every intermediate computed
    // from it would too (see ExplicitBlock). The sum is x exactly and passes its gradient through.
    NDArray x = a.getManager().zeros(parameter.getShape()).add(parameter);
    int d = objective.dim();
    NDArray f =
        switch (objective.kind()) {
          case QUADRATIC -> {
            NDArray curvature =
                d == 1
                    ? a.getManager().ones(new Shape(1))
                    : a.getManager()
                        .arange(0f, (float) d, 1f)
                        .mul(Math.log(objective.condition()) / (d - 1))
                        .exp();
            yield x.square().mul(curvature).sum().mul(GraphScalar.of(a.getManager(), 0.5f));
          }
          case ROSENBROCK -> {
            NDArray head = x.get(new NDIndex("0:" + (d - 1)));
            NDArray tail = x.get(new NDIndex("1:"));
            NDArray valley = tail.sub(head.square());
            NDManager m = a.getManager();
            yield valley.square().mul(GraphScalar.of(m, 100f))
                .add(head.neg().add(GraphScalar.of(m, 1f)).square()).sum();
          }
          case QUARTIC -> x.square().square().sum();
          case ONLINE_LINEAR -> x.sum().mul(a.reshape(new Shape()).toType(DataType.FLOAT32, false));
        };
    return new NDList(f.reshape(1));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(1)};
  }
}
