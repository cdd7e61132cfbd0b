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
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.optbench.dataset.DataSplit;
import org.optbench.metrics.RunAccumulator;
import org.optbench.metrics.RunArtifacts;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.RunResult;
import org.optbench.metrics.StepRecord;
import org.optbench.optim.NonFiniteGradientException;
import org.optbench.spec.Cell;
import org.optbench.spec.CurvatureNeed;
import org.optbench.spec.RunSeeds;
import org.optbench.workload.AnalyticObjective;
import org.optbench.workload.ModelSpec;
import org.optbench.workload.RecurrentLm;
import org.optbench.workload.TensorShape;
import org.optbench.workload.TransformerLm;
import org.optbench.workload.Workload;

/**
 * One training run on DJL's PyTorch engine: forward, backward, for an optimizer that takes one
 * (Sophia) at the steps that refresh it a Hessian-diagonal estimate ({@link GnbEstimator}), then
 * a {@link StepStrategy} (clipping and the optimizer step, on the engine or in the native
 * library), then the workload's projection (bounded analytic objectives only).
 *
 * <p>Memory: every array of a step (batch, activations, loss, gradient handles) is created in a
 * per-step sub-manager that closes at the end of the step, so native memory does not grow with
 * the number of steps. Evaluation works the same way and is excluded from the training time, as
 * is the text sample a language model writes at the end. Both happen at the optimizer's
 * evaluation point ({@link StepStrategy#evaluationPoint}: Schedule-Free's average x), the
 * training steps at its iterate.
 */
final class DjlTrainingRun {

  static {
    // Before any tensor is allocated, so that the first cell's steps reuse freed memory too.
    NativeAllocator.apply();
  }

  private final Cell cell;
  private final Workload workload;
  private final RunListener listener;
  private final StepStrategy strategy;

  DjlTrainingRun(Cell cell, Workload workload, RunListener listener, StepStrategy strategy) {
    this.cell = cell;
    this.workload = workload;
    this.listener = listener;
    this.strategy = strategy;
  }

  RunResult run() {
    ModelSpec spec = workload.model();
    // Each purpose draws from its own seed (README, "Seeds"): every cell of a seed trains on the
    // same data, from the same weights, in the same batch order.
    RunSeeds seeds = cell.seeds();
    DataSplit data = spec instanceof AnalyticObjective ? null : workload.data().apply(seeds.data());
    StepInputs inputs =
        spec instanceof AnalyticObjective objective
            ? StepInputs.objective(objective, seeds.order())
            : StepInputs.batches(workload, data.train(), seeds.order());
    Projection projection = Projection.of(spec);
    Loss loss = Targets.loss(workload);
    RunAccumulator accumulator = new RunAccumulator(cell);
    // Only dropout draws from the engine's generator; seeding it makes those runs repeatable.
    Engine.getInstance().setRandomSeed((int) seeds.sampling());

    ThreadGradMode.off();
    try (Model model = Model.newInstance("optbench", Device.cpu(), "PyTorch")) {
      model.setBlock(DjlNetworks.build(spec));
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(loss).optOptimizer(strategy.trainerOptimizer()).optDevices(new Device[] {Device.cpu()});
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(inputs.inputShape());
        DjlNetworks.load(model.getBlock(), spec, spec.initialValues(seeds.init()));
        List<Parameter> parameters = model.getBlock().getParameters().values();
        // The workload's tensor names (layer0.weight), which parameter groups select by and
        // which the native library uses too; DJL's block keys follow the same order.
        strategy.start(spec.parameterShapes().stream().map(TensorShape::name).toList(),
            parameters);
        Supplier<double[]> evaluation = evaluation(trainer, loss, data, parameters);
        GradientViews gradientViews = new GradientViews(parameters, trainer.getManager());
        // Sophia's curvature: a second pass on sampled labels at the steps that refresh it.
        GnbEstimator curvature = CurvatureNeed.takesEstimates(cell.optimizer())
            ? new GnbEstimator(workload, trainer, loss, parameters, trainer.getManager(),
                seeds.sampling())
            : null;
        double wallMs = 0;

        for (int step = 1; step <= cell.steps(); step++) {
          inputs.prepare(step);
          long start = System.nanoTime();
          StepRecord record;
          try (NDManager stepManager = model.getNDManager().newSubManager()) {
            NDList x = inputs.inputs(stepManager);
            NDList y = inputs.labels(stepManager);
            DoubleSupplier forwardBackward = () -> {
              try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(x);
                NDArray lossValue = loss.evaluate(y, predictions);
                collector.backward(lossValue);
                return lossValue.getFloat();
              }
            };
            double lossScalar = forwardBackward.getAsDouble();
            List<NDArray> grads = gradientViews.current(stepManager);
            double normBefore = GradientClipping.globalNorm(grads);
            double lr = strategy.learningRate(step);
            StepOutcome outcome = null;
            HessianInput hessian = HessianInput.NONE;
            if (curvature != null && Double.isFinite(lossScalar) && Double.isFinite(normBefore)
                && CurvatureNeed.dueAt(cell.optimizer(), step)) {
              hessian = curvature.estimate(x, step, grads, stepManager);
              if (!Double.isFinite(GradientClipping.globalNorm(hessian.estimate()))) {
                // An overflowing estimate is treated as a non-finite gradient: not applied.
                normBefore = Double.NaN;
              }
            }
            if (Double.isFinite(lossScalar) && Double.isFinite(normBefore)) {
              try {
                outcome = strategy.step(new StepStrategy.StepInput(step, lossScalar, normBefore,
                    parameters, grads, trainer, stepManager, forwardBackward, hessian));
              } catch (NonFiniteGradientException e) {
                // The native optimizer's own scan refused the gradients (nothing was written):
                // the divergence policy records the step and stops, as for a non-finite norm.
                normBefore = Double.NaN;
              }
            }
            if (outcome == null) {
              // The step is recorded, not taken: applying a non-finite gradient would only
              // spread NaN through the parameters. No step size was applied.
              wallMs += (System.nanoTime() - start) / 1e6;
              record = new StepRecord(step, lossScalar, normBefore, normBefore, false, Double.NaN,
                  lr, Double.NaN, wallMs, Double.NaN, Double.NaN);
            } else {
              if (projection != Projection.NONE) {
                projection.apply(parameters, stepManager);
                strategy.projected(projection);
              }
              wallMs += (System.nanoTime() - start) / 1e6;
              double normAfter = outcome.normAfter();
              record = new StepRecord(step, lossScalar, normBefore, normAfter, normAfter < normBefore,
                  outcome.clipThreshold(), lr, outcome.stepSize(), wallMs, Double.NaN, Double.NaN);
            }
          }
          boolean going = accumulator.add(record);
          if (going && (step % cell.evalEvery() == 0 || step == cell.steps())) {
            long evalStart = System.nanoTime();
            double[] eval;
            try (ParameterSwap atEvaluationPoint = strategy.evaluationPoint(parameters)) {
              eval = evaluation.get();
            }
            accumulator.addEvalTime((System.nanoTime() - evalStart) / 1e6);
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
        RunResult result = accumulator.finish(paramCount, paramCount * Float.BYTES, strategy.stateBytes());
        Map<String, String> samples = new LinkedHashMap<>();
        if (workload.generation() != null && !accumulator.diverged()) {
          try (ParameterSwap atEvaluationPoint = strategy.evaluationPoint(parameters)) {
            samples.put(RunArtifacts.SAMPLE, TextSampler.sample(
                trainer, workload.generation(), contextLength(spec), seeds.sampling()));
          }
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
