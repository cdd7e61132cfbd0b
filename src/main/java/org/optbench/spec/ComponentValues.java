package org.optbench.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalogue component (an optimizer or a clipping method) from its name and some
 * hyperparameter values given in Java rather than in a spec: the others keep their catalogue
 * defaults, and every value passes the same checks a spec's would (known name, type, range, the
 * rules across hyperparameters), so that the library refuses what {@code optbench run} refuses.
 */
public final class ComponentValues {

  private ComponentValues() {}

  /**
   * The component {@code name} of {@code axis} with {@code values} set.
   *
   * @throws IllegalArgumentException naming the component, the key and what it accepts
   */
  public static Component resolve(Axis axis, String name, Map<String, ?> values) {
    ComponentDef def = Catalog.find(axis, name).orElseThrow(
        () -> new IllegalArgumentException(Catalog.unknownName(axis, name)));
    Map<String, Object> chosen = new LinkedHashMap<>();
    values.forEach((key, value) -> {
      ParamDef param = def.param(key).orElseThrow(() -> new IllegalArgumentException(
          axis.label() + " " + name + " has no hyperparameter '" + key + "'; known: "
              + def.paramNames()));
      chosen.put(key, checked(name, param, value));
    });
    Map<String, Object> all = new LinkedHashMap<>(chosen);
    for (ParamDef p : def.params()) {
      all.putIfAbsent(p.name(), p.defaultValue());
    }
    for (ParamDef p : def.params()) {
      if (!chosen.containsKey(p.name())) {
        all.put(p.name(), def.defaultFor(p, all));
      }
      if (all.get(p.name()) == null && p.required()) {
        throw new IllegalArgumentException(
            axis.label() + " " + name + " needs " + p.name() + " (" + p.description() + ")");
      }
    }
    Component component = new Component(def, all);
    def.rule().check(component).ifPresent(broken -> {
      throw new IllegalArgumentException(axis.label() + " " + name + ": " + broken.problem());
    });
    return component;
  }

  /** {@code value} in the form {@link Component} holds for {@code param}'s type. */
  private static Object checked(String component, ParamDef param, Object value) {
    String where = component + "." + param.name();
    if (value == null) {
      if (!param.optional()) {
        throw new IllegalArgumentException(where + " cannot be null");
      }
      return null;
    }
    return switch (param.type()) {
      case FLOAT -> inRange(where, param, number(where, param, value).doubleValue());
      case INT -> {
        Number n = number(where, param, value);
        if (n.doubleValue() != Math.rint(n.doubleValue())) {
          throw new IllegalArgumentException(where + " is an integer, got " + value);
        }
        inRange(where, param, n.doubleValue());
        yield n.intValue();
      }
      case BOOL -> {
        if (!(value instanceof Boolean)) {
          throw new IllegalArgumentException(where + " is true or false, got " + value);
        }
        yield value;
      }
      case STRING -> {
        String text = value.toString();
        if (!param.choices().isEmpty() && !param.choices().contains(text)) {
          throw new IllegalArgumentException(
              where + " is one of " + param.choices() + ", got '" + text + "'");
        }
        yield text;
      }
      case INT_LIST -> {
        if (!(value instanceof List<?> list)) {
          throw new IllegalArgumentException(where + " is a list of integers, got " + value);
        }
        yield list.stream().map(v -> (int) inRange(where, param,
            number(where, param, v).doubleValue())).toList();
      }
    };
  }

  private static Number number(String where, ParamDef param, Object value) {
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException(
          where + " is a " + param.type().label() + ", got " + value);
    }
    return n;
  }

  private static double inRange(String where, ParamDef param, double value) {
    if (!param.range().contains(value)) {
      throw new IllegalArgumentException(
          where + " must be " + param.range().describe() + ", got " + value);
    }
    return value;
  }
}
