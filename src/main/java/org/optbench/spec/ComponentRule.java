package org.optbench.spec;

import java.util.Optional;

/**
 * A rule across several hyperparameters of one component (Rprop's step_size_min ≤
 * step_size_max, SGD's Nesterov condition), checked on every grid point after expansion, since a
 * list of values may hold one that breaks it.
 */
@FunctionalInterface
public interface ComponentRule {

  /** No rule. */
  ComponentRule NONE = component -> Optional.empty();

  /** The broken rule, if {@code component} breaks it. */
  Optional<RuleViolation> check(Component component);

  /** This rule, then {@code next} if this one holds. */
  default ComponentRule and(ComponentRule next) {
    return component -> {
      Optional<RuleViolation> first = check(component);
      return first.isPresent() ? first : next.check(component);
    };
  }
}
