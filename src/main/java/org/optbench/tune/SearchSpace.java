package org.optbench.tune;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The hyperparameters a tuning run varies, in the user's order. The order is part of the
 * meaning: a quasi-random search gives the k-th dimension the k-th Halton coordinate (as AlgoPerf
 * does with its search space's keys, unsorted), a grid varies the first dimension slowest, and
 * every sampled map lists the names in this order.
 *
 * @param dimensions at least one, with distinct names
 */
public record SearchSpace(List<Dimension> dimensions) {

  public SearchSpace {
    if (dimensions == null || dimensions.isEmpty()) {
      throw new IllegalArgumentException("a search space needs at least one dimension");
    }
    Set<String> names = new HashSet<>();
    for (Dimension d : dimensions) {
      if (d == null) {
        throw new IllegalArgumentException("remove the null dimension from the search space");
      }
      if (!names.add(d.name())) {
        throw new IllegalArgumentException(
            "'" + d.name() + "' appears twice in the search space; give each dimension its own name");
      }
    }
    dimensions = List.copyOf(dimensions);
  }

  /** A space of these dimensions, in this order. */
  public static SearchSpace of(Dimension... dimensions) {
    return new SearchSpace(dimensions == null ? null : Arrays.asList(dimensions));
  }
}
