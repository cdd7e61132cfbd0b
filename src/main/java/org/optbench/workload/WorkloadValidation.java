package org.optbench.workload;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.optbench.dataset.DatasetUnavailableException;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.spec.CurvatureNeed;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.Limits;
import org.optbench.spec.ParamAssignment;
import org.optbench.spec.SpecException;

/**
 * Makes a spec's workload only after checking what the spec alone cannot show: its dataset's
 * size against the spec's {@link Limits} before any data is read or generated, its data files
 * (present, well-formed, large enough), then its model's parameters, largest tensor and batch
 * activations. Every problem is reported at the workload's entry in the spec, before anything
 * runs.
 */
public final class WorkloadValidation {

  private WorkloadValidation() {}

  /**
   * The workload {@code workload} of {@code spec}, checked.
   *
   * @throws SpecException at the workload's line and column, saying what to change
   */
  public static Workload create(ExperimentSpec spec, Component workload) throws SpecException {
    String subject = "workload " + workload.label() + ": ";
    Limits limits = spec.limits();
    try {
      require(spec, workload, limits.check("max_values", subject + "its dataset holds",
          Workloads.dataValues(workload), "values (inputs and targets of both splits)"));
      Workload created = Workloads.create(workload);
      Footprint size;
      try {
        size = Footprint.of(workload, created);
      } catch (ArithmeticException e) {
        throw spec.errorAt(workload, subject + "a tensor dimension would exceed 2,147,483,647,"
            + " more than an engine can index; make the model's sizes smaller");
      }
      require(spec, workload, limits.check("max_params", subject + "its model has",
          size.parameters(), "parameters"));
      require(spec, workload, limits.check("max_values",
          subject + "its largest tensor " + size.largestTensor() + " has",
          size.largestTensorValues(), "values"));
      require(spec, workload, limits.check("max_values",
          subject + "one training batch's largest activation has about",
          size.activationValues(), "values"));
      checkGroups(spec, workload, created);
      checkSampledLabels(spec, workload, created);
      return created;
    } catch (DatasetUnavailableException e) {
      throw spec.errorAt(workload, subject + e.getMessage());
    }
  }

  /**
   * Every optimizer the workload's cells use against the model's tensors: each parameter group
   * selects something, no tensor is claimed twice, and an optimizer that updates some ranks only
   * (Muon: matrices) has tensors it can take.
   */
  private static void checkGroups(ExperimentSpec spec, Component workload, Workload created)
      throws SpecException {
    List<ParamAssignment.Param> params = created.parameterShapes().stream()
        .map(t -> new ParamAssignment.Param(t.name(), t.dims().length)).toList();
    Set<Component> optimizers = new LinkedHashSet<>();
    for (Cell cell : spec.cells()) {
      if (cell.workload().equals(workload) && ParamAssignment.needed(cell.optimizer())) {
        optimizers.add(cell.optimizer());
      }
    }
    for (Component optimizer : optimizers) {
      Optional<String> problem = ParamAssignment.problem(optimizer, params);
      if (problem.isPresent()) {
        throw spec.errorAt(optimizer, workload, "optimizer " + optimizer.label()
            + " on workload " + workload.label() + ": " + problem.get());
      }
    }
  }

  /**
   * Every optimizer the workload's cells use that takes a Hessian-diagonal estimate (Sophia)
   * against the workload's loss: the estimate samples labels from the model's softmax output,
   * which a regression or an analytic objective does not have.
   */
  private static void checkSampledLabels(ExperimentSpec spec, Component workload,
      Workload created) throws SpecException {
    for (Cell cell : spec.cells()) {
      if (cell.workload().equals(workload)) {
        Optional<String> problem = sampledLabelsProblem(cell.optimizer(), created);
        if (problem.isPresent()) {
          throw spec.errorAt(cell.optimizer(), workload, problem.get());
        }
      }
    }
  }

  /**
   * Why {@code optimizer} cannot train {@code workload}, if it cannot: it takes a
   * Gauss–Newton–Bartlett estimate of the Hessian diagonal and the workload's loss samples no
   * labels. The spec check and the engines ask the same question.
   */
  public static Optional<String> sampledLabelsProblem(Component optimizer, Workload workload) {
    if (!CurvatureNeed.takesEstimates(optimizer) || workload.loss().classifies()) {
      return Optional.empty();
    }
    return Optional.of("optimizer " + optimizer.label() + " on workload " + workload.name()
        + ": its Hessian-diagonal estimate (Gauss–Newton–Bartlett) backpropagates labels"
        + " sampled from the model's softmax output, and this workload's loss ("
        + workload.loss().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + ") has none; use it on a classification or language-model workload");
  }

  private static void require(ExperimentSpec spec, Component workload, Optional<String> problem)
      throws SpecException {
    if (problem.isPresent()) {
      throw spec.errorAt(workload, problem.get());
    }
  }
}
