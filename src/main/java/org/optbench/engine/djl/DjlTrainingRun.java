package org.optbench.engine.djl;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.optbench.dataset.DataSplit;
import org.optbench.metrics.RunAccumulator;
import org.optbench.metrics.RunArtifacts;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.RunResult;
import org.optbench.metrics.StepRecord;
import org.optbench.spec.Cell;
import org.optbench.workload.AnalyticObjective;
import org.optbench.workload.ModelSpec;
import org.optbench.workload.RecurrentLm;
import org.optbench.workload.TransformerLm;
import org.optbench.workload.Workload;

/**
 * One training run on DJL's PyTorch engine: forward, backward, global clipping, optimizer step,
 * then the workload's projection (bounded analytic objectives only).
 *
 * <p>Memory: every array of a step (batch, activations, loss, gradient handles) is created in a
 * per-step sub-manager that closes at the end of the step, so native memory does not grow with
 * the number of steps. Evaluation works the same way and is excluded from the training time, as
 * is the text sample a language model writes at the end.
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
    ModelSpec spec = workload.model();
    DataSplit data = spec instanceof AnalyticObjective ? null : workload.data().apply(cell.seed());
    StepInputs inputs =
        spec instanceof AnalyticObjective objective
            ? StepInputs.objective(objective, cell.seed())
            : StepInputs.batches(workload, data.train(), cell.seed());
    TorchOptimizer optimizer = DjlOptimizers.create(cell.optimizer(), cell.schedule());
    GradientClipping clipping = GradientClipping.of(cell.clip());
    Projection projection = Projection.of(spec);
    Loss loss = Targets.loss(workload);
    RunAccumulator accumulator = new RunAccumulator(cell);
    // Only dropout draws from the engine's generator; seeding it makes those runs repeatable.
    Engine.getInstance().setRandomSeed((int) cell.seed());

    try (Model model = Model.newInstance("optbench", Device.cpu(), "PyTorch")) {
      model.setBlock(DjlNetworks.build(spec));
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(loss).optOptimizer(optimizer).optDevices(new Device[] {Device.cpu()});
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(inputs.inputShape());
        DjlNetworks.load(model.getBlock(), spec, spec.initialValues(cell.seed()));
        List<Parameter> parameters = model.getBlock().getParameters().values();
        Supplier<double[]> evaluation = evaluation(trainer, loss, data, parameters);
        GradientViews gradientViews = new GradientViews(parameters, trainer.getManager());
        double wallMs = 0;

        for (int step = 1; step <= cell.steps(); step++) {
          inputs.prepare(step);
          long start = System.nanoTime();
          StepRecord record;
          try (NDManager stepManager = model.getNDManager().newSubManager()) {
            NDList x = inputs.inputs(stepManager);
            NDList y = inputs.labels(stepManager);
            NDArray lossValue;
            try (GradientCollector collector = trainer.newGradientCollector()) {
              NDList predictions = trainer.forward(x);
              lossValue = loss.evaluate(y, predictions);
              collector.backward(lossValue);
            }
            List<NDArray> grads = gradientViews.current(stepManager);
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
              projection.apply(parameters, stepManager);
              wallMs += (System.nanoTime() - start) / 1e6;
              record = new StepRecord(step, lossScalar, normBefore, normAfter, normAfter < normBefore,
                  lr, wallMs, Double.NaN, Double.NaN);
            }
          }
          boolean going = accumulator.add(record);
          if (going && (step % cell.evalEvery() == 0 || step == cell.steps())) {
            double[] eval = evaluation.get();
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
        Map<String, String> samples = new LinkedHashMap<>();
        if (workload.generation() != null && !accumulator.diverged()) {
          samples.put(RunArtifacts.SAMPLE,
              TextSampler.sample(trainer, workload.generation(), contextLength(spec), cell.seed()));
        }
        RunArtifacts artifacts = RunArtifacts.of(
            result.summary(), workload.examplesPerStep(), workload.tokensPerStep(), samples);
        listener.onArtifacts(cell, artifacts);
        listener.onRunEnd(result.summary());
        return result.withArtifacts(artifacts);
      }
    }
  }

  /** Held-out loss and accuracy, or an analytic objective's value at the current point. */
  private Supplier<double[]> evaluation(
      Trainer trainer, Loss loss, DataSplit data, List<Parameter> parameters) {
    if (workload.model() instanceof AnalyticObjective objective) {
      return () -> {
        float[] x = parameters.get(0).getArray().toFloatArray();
        double[] point = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          point[i] = x[i];
        }
        return new double[] {objective.evalValue(point), Double.NaN};
      };
    }
    Evaluator evaluator = new Evaluator(trainer, loss, workload, data.eval());
    evaluator.upload();
    return evaluator::evaluate;
  }

  private static int contextLength(ModelSpec spec) {
    return spec instanceof RecurrentLm lm ? lm.seqLen() : ((TransformerLm) spec).seqLen();
  }
}
