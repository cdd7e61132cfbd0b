package org.optbench.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a spec may name on one axis (an optimizer, a clipping method, a schedule, a workload) and
 * the hyperparameters it takes.
 *
 * @param name the spec name
 * @param summary one line for {@code list}
 * @param reference where the semantics come from (paper or library), shown by {@code list}
 * @param params the hyperparameters, in the order they are listed and labelled
 * @param presets defaults picked by one parameter (e.g. a workload's {@code size}), or none
 */
public record ComponentDef(
    String name, String summary, String reference, List<ParamDef> params, Presets presets) {

  public ComponentDef {
    params = List.copyOf(params);
  }

  /** A component without presets. */
  public ComponentDef(String name, String summary, String reference, List<ParamDef> params) {
    this(name, summary, reference, params, Presets.NONE);
  }

  /**
   * The value {@code p} takes when a spec leaves it out, given the values already chosen: the
   * preset's value if the preset parameter picks one that names {@code p}, else the default.
   */
  public Object defaultFor(ParamDef p, Map<String, Object> chosen) {
    Object preset = chosen.get(presets.param());
    return preset == null ? p.defaultValue() : presets.defaultFor(p, preset);
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
