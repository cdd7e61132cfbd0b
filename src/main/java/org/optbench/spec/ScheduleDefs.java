package org.optbench.spec;

import java.util.List;

/** Learning-rate schedules: step → multiplier of the optimizer's lr. */
final class ScheduleDefs {

  private ScheduleDefs() {}

  static final ComponentDef CONSTANT =
      new ComponentDef("constant", "the optimizer's lr at every step", "-", List.of());

  static final List<ComponentDef> ALL = List.of(CONSTANT);
}
