package org.optbench.engine.djl;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.optbench.dataset.BatchSampler;
import org.optbench.dataset.TabularData;
import org.optbench.workload.AnalyticObjective;
import org.optbench.workload.Workload;

/**
 * What the model sees at each step: a batch of examples in the seed's order, or, for an analytic
 * objective, the step's coefficient a_t. Java-side work happens in {@link #prepare}, outside the
 * timed part of a step.
 */
interface StepInputs {

  /** The shape of one step's input, for {@code Trainer.initialize}. */
  Shape inputShape();

  /** Computes step {@code step}'s values (1-based). */
  void prepare(int step);

  /** The prepared inputs as arrays owned by {@code manager}. */
  NDList inputs(NDManager manager);

  /** The prepared targets as arrays owned by {@code manager}; empty for analytic objectives. */
  NDList labels(NDManager manager);

  /** Batches of {@code train} for a data workload. */
  static StepInputs batches(Workload workload, TabularData train, long seed) {
    return new Batches(workload, train, seed);
  }

  /** The coefficient sequence of an analytic objective. */
  static StepInputs objective(AnalyticObjective objective, long seed) {
    return new Coefficients(objective, seed);
  }

  /** Shape (rows, ...dims). */
  static Shape withRows(int rows, int[] dims) {
    long[] shape = new long[dims.length + 1];
    shape[0] = rows;
    for (int d = 0; d < dims.length; d++) {
      shape[d + 1] = dims[d];
    }
    return new Shape(shape);
  }

  /** Examples in {@link BatchSampler} order, gathered into reused direct buffers. */
  final class Batches implements StepInputs {
    private final Workload workload;
    private final TabularData train;
    private final BatchSampler sampler;
    private final ReusableInput x;
    private final ReusableInput y;
    private final int[] indices;
    private final float[] xBatch;
    private final float[] yBatch;

    Batches(Workload workload, TabularData train, long seed) {
      int batch = workload.batchSize();
      this.workload = workload;
      this.train = train;
      this.sampler = new BatchSampler(train.rows(), batch, seed);
      this.x = new ReusableInput(inputShape());
      this.y = new ReusableInput(Targets.shape(batch, train.targetCols(), workload));
      this.indices = new int[batch];
      this.xBatch = new float[batch * train.cols()];
      this.yBatch = new float[batch * train.targetCols()];
    }

    @Override
    public Shape inputShape() {
      return withRows(workload.batchSize(), workload.model().inputShape());
    }

    @Override
    public void prepare(int step) {
      sampler.next(indices);
      train.gather(indices, xBatch, yBatch);
    }

    @Override
    public NDList inputs(NDManager manager) {
      return new NDList(x.wrap(manager, xBatch));
    }

    @Override
    public NDList labels(NDManager manager) {
      return new NDList(y.wrap(manager, Targets.encode(yBatch, workload)));
    }
  }

  /** a_t of an analytic objective, one (1, 1) input per step. */
  final class Coefficients implements StepInputs {
    private final AnalyticObjective objective;
    private final long seed;
    private final ReusableInput input = new ReusableInput(new Shape(1, 1));
    private final float[] value = new float[1];

    Coefficients(AnalyticObjective objective, long seed) {
      this.objective = objective;
      this.seed = seed;
    }

    @Override
    public Shape inputShape() {
      return new Shape(1, 1);
    }

    @Override
    public void prepare(int step) {
      value[0] = (float) objective.coefficient(step, seed);
    }

    @Override
    public NDList inputs(NDManager manager) {
      return new NDList(input.wrap(manager, value));
    }

    @Override
    public NDList labels(NDManager manager) {
      return new NDList();
    }
  }
}
