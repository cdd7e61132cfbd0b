package org.optbench.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.ParamDef;
import org.optbench.spec.ParamType;

/**
 * The settings an optimizer or clipping method is cross-checked at, generated from its entry
 * (after torch's {@code OptimizerInfo.optim_inputs_func}): the entry's own settings, then every
 * flag of its definition toggled from the first setting, keeping those its rules allow. A flag
 * added to a definition is thereby checked on and off without anyone writing a new setting.
 */
public final class CrossChecks {

  private CrossChecks() {}

  /** The settings of {@code entry}, resolved, without repeats; the first is the entry's first. */
  public static List<Component> settings(OptimizerEntry entry) {
    return settings(entry.definition(), entry.crossChecks());
  }

  /** The settings of a clipping method, generated as an optimizer's. */
  public static List<Component> settings(ClipEntry entry) {
    return settings(entry.definition(), entry.crossChecks());
  }

  private static List<Component> settings(ComponentDef def, List<Map<String, Object>> given) {
    List<Component> out = new ArrayList<>();
    for (Map<String, Object> values : given) {
      addIfNew(out, resolve(def, values));
    }
    Component first = out.get(0);
    for (ParamDef p : def.params()) {
      if (p.type() != ParamType.BOOL) {
        continue;
      }
      Map<String, Object> toggled = new LinkedHashMap<>(first.params());
      toggled.put(p.name(), !first.flag(p.name()));
      Component candidate = new Component(def, toggled);
      if (def.rule().check(candidate).isEmpty()) {
        addIfNew(out, candidate);
      }
    }
    return out;
  }

  /** Every registered optimizer's settings, in registry order. */
  public static List<Component> all() {
    List<Component> out = new ArrayList<>();
    for (OptimizerEntry entry : OptimizerRegistry.entries()) {
      out.addAll(settings(entry));
    }
    return out;
  }

  /** Every registered clipping method's settings, in registry order. */
  public static List<Component> allClips() {
    List<Component> out = new ArrayList<>();
    for (ClipEntry entry : ClipRegistry.entries()) {
      out.addAll(settings(entry));
    }
    return out;
  }

  /**
   * {@code values} over the definition's defaults.
   *
   * @throws IllegalArgumentException for a name the definition does not have, or a setting that
   *     breaks its rules: an entry's settings must be valid specs
   */
  static Component resolve(ComponentDef def, Map<String, Object> values) {
    Map<String, Object> params = new LinkedHashMap<>(Component.withDefaults(def).params());
    values.forEach((name, value) -> {
      if (!params.containsKey(name)) {
        throw new IllegalArgumentException("cross-check setting of " + def.name()
            + " names unknown hyperparameter '" + name + "' (known: " + def.paramNames() + ")");
      }
      params.put(name, value);
    });
    Component component = new Component(def, params);
    def.rule().check(component).ifPresent(broken -> {
      throw new IllegalArgumentException("cross-check setting " + component.label()
          + " breaks a rule: " + broken.problem());
    });
    return component;
  }

  private static void addIfNew(List<Component> out, Component c) {
    if (!out.contains(c)) {
      out.add(c);
    }
  }
}
