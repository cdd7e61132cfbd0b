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
 * @param rule what must hold across its hyperparameters (checked on every grid point)
 * @param scope the tensor ranks an optimizer can update ({@link ParamScope#ALL} for most)
 * @param curvature what an optimizer needs besides gradients ({@link CurvatureNeed#NONE} for
 *     most; Sophia a Hessian-diagonal estimate)
 */
public record ComponentDef(String name, String summary, String reference, List<ParamDef> params,
    Presets presets, ComponentRule rule, ParamScope scope, CurvatureNeed curvature) {

  public ComponentDef {
    params = List.copyOf(params);
  }

  /** A component that needs gradients only. */
  public ComponentDef(String name, String summary, String reference, List<ParamDef> params,
      Presets presets, ComponentRule rule, ParamScope scope) {
    this(name, summary, reference, params, presets, rule, scope, CurvatureNeed.NONE);
  }

  /** A component that takes tensors of every rank. */
  public ComponentDef(String name, String summary, String reference, List<ParamDef> params,
      Presets presets, ComponentRule rule) {
    this(name, summary, reference, params, presets, rule, ParamScope.ALL);
  }

  /** A component with presets and no rule across its hyperparameters. */
  public ComponentDef(String name, String summary, String reference, List<ParamDef> params,
      Presets presets) {
    this(name, summary, reference, params, presets, ComponentRule.NONE);
  }

  /** A component without presets. */
  public ComponentDef(String name, String summary, String reference, List<ParamDef> params) {
    this(name, summary, reference, params, Presets.NONE);
  }

  /** This component with {@code rule} checked on every grid point. */
  public ComponentDef withRule(ComponentRule rule) {
    return new ComponentDef(name, summary, reference, params, presets, rule, scope, curvature);
  }

  /** This optimizer updating only the tensor ranks {@code scope} accepts. */
  public ComponentDef withScope(ParamScope scope) {
    return new ComponentDef(name, summary, reference, params, presets, rule, scope, curvature);
  }

  /** This optimizer taking what {@code curvature} says from the training loop. */
  public ComponentDef withCurvature(CurvatureNeed curvature) {
    return new ComponentDef(name, summary, reference, params, presets, rule, scope, curvature);
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
