package org.optbench.engine.djl;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.List;
import org.optbench.dataset.BatchSampler;
import org.optbench.dataset.DataSplit;
import org.optbench.dataset.TabularData;
import org.optbench.metrics.RunAccumulator;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.RunResult;
import org.optbench.metrics.StepRecord;
import org.optbench.spec.Cell;
import org.optbench.workload.NetworkInit;
import org.optbench.workload.Workload;

/**
 * One training run on DJL's PyTorch engine: forward, backward, global clipping, optimizer step.
 *
 * <p>Memory: every array of a step (batch, activations, loss, gradient handles) is created in a
 * per-step sub-manager that closes at the end of the step, so native memory does not grow with
 * the number of steps. Evaluation works the same way and is excluded from the training time.
 */
final class DjlTrainingRun {

  private final Cell cell;
  private final Workload workload;
  private final RunListener listener;

  DjlTrainingRun(Cell cell, Workload workload, RunListener listener) {
    this.cell = cell;
    this.workload = workload;
    this.listener = listener;
  }

  RunResult run() {
    DataSplit data = workload.data().apply(cell.seed());
    TabularData train = data.train();
    int batch = workload.batchSize();
    TorchOptimizer optimizer = DjlOptimizers.create(cell.optimizer(), cell.schedule());
    GradientClipping clipping = GradientClipping.of(cell.clip());
    Loss loss = workload.loss().classifies() ? new SoftmaxCrossEntropyLoss() : new MeanSquaredErrorLoss();
    RunAccumulator accumulator = new RunAccumulator(cell);

    try (Model model = Model.newInstance("optbench", Device.cpu(), "PyTorch")) {
      model.setBlock(DjlNetworks.build(workload.network()));
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(loss).optOptimizer(optimizer).optDevices(new Device[] {Device.cpu()});
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(batch, train.cols()));
        DjlNetworks.load(
            model.getBlock(), workload.network(), NetworkInit.initialValues(workload.network(), cell.seed()));
        List<Parameter> parameters = model.getBlock().getParameters().values();
        Evaluator evaluator = new Evaluator(trainer, loss, workload, data.eval());
        evaluator.upload();
        BatchSampler sampler = new BatchSampler(train.rows(), batch, cell.seed());
        ReusableInput xInput = new ReusableInput(new Shape(batch, train.cols()));
        ReusableInput yInput = new ReusableInput(Targets.shape(batch, workload));
        int[] indices = new int[batch];
        float[] xBatch = new float[batch * train.cols()];
        float[] yBatch = new float[batch * train.targetCols()];
        double wallMs = 0;

        for (int step = 1; step <= cell.steps(); step++) {
          sampler.next(indices);
          train.gather(indices, xBatch, yBatch);
          long start = System.nanoTime();
          StepRecord record;
          try (NDManager stepManager = model.getNDManager().newSubManager()) {
            NDArray x = xInput.wrap(stepManager, xBatch);
            NDArray y = yInput.wrap(stepManager, Targets.encode(yBatch, workload));
            NDArray lossValue;
            try (GradientCollector collector = trainer.newGradientCollector()) {
              NDList predictions = trainer.forward(new NDList(x));
              lossValue = loss.evaluate(new NDList(y), predictions);
              collector.backward(lossValue);
            }
            List<NDArray> grads = new ArrayList<>(parameters.size());
            for (Parameter parameter : parameters) {
              NDArray grad = parameter.getArray().getGradient();
              grad.attach(stepManager);
              grads.add(grad);
            }
            double lossScalar = lossValue.getFloat();
            double normBefore = GradientClipping.globalNorm(grads);
            float lr = optimizer.learningRate(step);
            if (!Double.isFinite(lossScalar) || !Double.isFinite(normBefore)) {
              // The step is recorded, not taken: applying a non-finite gradient would only
              // spread NaN through the parameters.
              wallMs += (System.nanoTime() - start) / 1e6;
              record = new StepRecord(step, lossScalar, normBefore, normBefore, false, lr, wallMs,
                  Double.NaN, Double.NaN);
            } else {
              double normAfter = clipping.apply(grads, normBefore);
              trainer.step();
              wallMs += (System.nanoTime() - start) / 1e6;
              record = new StepRecord(step, lossScalar, normBefore, normAfter, normAfter < normBefore,
                  lr, wallMs, Double.NaN, Double.NaN);
            }
          }
          boolean going = accumulator.add(record);
          if (going && (step % cell.evalEvery() == 0 || step == cell.steps())) {
            double[] eval = evaluator.evaluate();
            record = record.withEval(eval[0], eval[1]);
            going = accumulator.replaceLast(record);
          }
          listener.onStep(cell, record);
          if (!going) {
            break;
          }
        }
        if (!accumulator.diverged() && !ParameterChecks.allFinite(parameters)) {
          accumulator.markDiverged(cell.steps());
        }
        long paramCount = workload.parameterCount();
        RunResult result = accumulator.finish(paramCount, paramCount * Float.BYTES, optimizer.stateBytes());
        listener.onRunEnd(result.summary());
        return result;
      }
    }
  }
}
