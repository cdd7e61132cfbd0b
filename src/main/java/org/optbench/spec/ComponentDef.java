package org.optbench.spec;

import java.util.List;
import java.util.Optional;

/**
 * What a spec may name on one axis (an optimizer, a clipping method, a schedule, a workload) and
 * the hyperparameters it takes.
 *
 * @param name the spec name
 * @param summary one line for {@code list}
 * @param reference where the semantics come from (paper or library), shown by {@code list}
 * @param params the hyperparameters, in the order they are listed and labelled
 */
public record ComponentDef(String name, String summary, String reference, List<ParamDef> params) {

  public ComponentDef {
    params = List.copyOf(params);
  }

  /** The parameter called {@code key}, if this component has one. */
  public Optional<ParamDef> param(String key) {
    return params.stream().filter(p -> p.name().equals(key)).findFirst();
  }

  /** The parameter names, comma separated, for "known: ..." messages. */
  public String paramNames() {
    return String.join(", ", params.stream().map(ParamDef::name).toList());
  }
}
