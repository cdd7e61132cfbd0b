package org.optbench.registry;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.optim.alias.Recipe;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;

/**
 * Everything optbench knows about one optimizer, in one place: what a spec may write (its
 * definition: hyperparameters, ranges, defaults, reference, rules across hyperparameters), how
 * the native library computes it (its recipe, with the state formula), how the engine computes
 * it, and the settings the cross-checks run it at. Validation, {@code list}, did-you-mean, replay,
 * lockstep and nightly coverage and the documentation tables are derived from the entries.
 */
public interface OptimizerEntry {

  /** What a spec may write. */
  ComponentDef definition();

  /** The native recipe of a resolved component whose rules hold. */
  Recipe recipe(Component optimizer);

  /** The engine optimizer (torch.optim's semantics on NDArrays) of a resolved component. */
  Optimizer engine(Component optimizer, Tracker learningRate);

  /**
   * Hyperparameter settings for the cross-checks (values a spec would write; the rest default).
   * The first switches on as many branches as one setting can: it is crossed with every clipping
   * method. {@link CrossChecks} adds each flag of the definition toggled from it.
   */
  List<Map<String, Object>> crossChecks();

  /** The spec name. */
  default String name() {
    return definition().name();
  }
}
