package org.optbench.spec;

import java.util.List;
import org.optbench.tune.SearchSpace;

/**
 * One {@code grid.optimizer} entry with a {@code tune:} block: the hyperparameters it fixes, the
 * space it searches, and the trial points each study draws.
 *
 * @param name the name scores use: the optimizer and the hyperparameters the entry fixes away
 *     from their defaults, e.g. {@code sgd(momentum=0.9)}
 * @param space the searched hyperparameters, in the order written
 * @param studies per study, its trials in the order they are drawn
 */
public record TunedOptimizer(String name, SearchSpace space, List<List<Point>> studies) {

  /**
   * One trial's setting.
   *
   * @param index the point's index in the sampler's sequence ({@code Trials.pointIndices}): it
   *     names the setting whatever the budget, so it is part of the run's identity
   * @param optimizer the optimizer with the drawn values
   */
  public record Point(int index, Component optimizer) {}

  public TunedOptimizer {
    studies = studies.stream().map(List::copyOf).toList();
  }

  /** The tuned hyperparameters' names, in the order written. */
  public List<String> tunedNames() {
    return space.dimensions().stream().map(d -> d.name()).toList();
  }
}
