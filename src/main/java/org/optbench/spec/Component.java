package org.optbench.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * One point on an axis of the grid: a component from the {@link Catalog} with every hyperparameter
 * resolved (the spec's value, or the default). Values are {@code Double}, {@code Integer},
 * {@code Boolean}, {@code String}, {@code List<Integer>} or {@code null} for an optional
 * parameter left unset.
 *
 * @param def what this component is
 * @param params hyperparameter values in the definition's order
 * @param groups an optimizer's parameter groups (empty: every tensor trains with this component)
 */
public record Component(ComponentDef def, Map<String, Object> params, List<ParamGroup> groups) {

  public Component {
    Objects.requireNonNull(def, "def");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    groups = List.copyOf(groups);
  }

  /** A component without parameter groups. */
  public Component(ComponentDef def, Map<String, Object> params) {
    this(def, params, List.of());
  }

  /** This component with {@code groups} as its parameter groups. */
  public Component withGroups(List<ParamGroup> groups) {
    return new Component(def, params, groups);
  }

  /** This component with other hyperparameter values and the same groups. */
  public Component withParams(Map<String, Object> values) {
    return new Component(def, values, groups);
  }

  /** A component with every parameter at its default (the default preset's, if it has one). */
  public static Component withDefaults(ComponentDef def) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParamDef p : def.params()) {
      values.put(p.name(), p.defaultValue());
    }
    for (ParamDef p : def.params()) {
      values.put(p.name(), def.defaultFor(p, values));
    }
    return new Component(def, values);
  }

  /** The spec name of this component. */
  public String name() {
    return def.name();
  }

  /** A real-valued parameter. */
  public double number(String key) {
    Object value = require(key);
    return ((Number) value).doubleValue();
  }

  /** A real-valued parameter that may be unset ({@code null}). */
  public Double optionalNumber(String key) {
    Object value = params.get(key);
    return value == null ? null : ((Number) value).doubleValue();
  }

  /** A whole-number parameter. */
  public int integer(String key) {
    return ((Number) require(key)).intValue();
  }

  /** A whole-number parameter that may be unset ({@code null}). */
  public Integer optionalInteger(String key) {
    Object value = params.get(key);
    return value == null ? null : ((Number) value).intValue();
  }

  /** A boolean parameter. */
  public boolean flag(String key) {
    return (Boolean) require(key);
  }

  /** A word-valued parameter. */
  public String text(String key) {
    return (String) require(key);
  }

  /** A list-of-integers parameter. */
  @SuppressWarnings("unchecked")
  public List<Integer> integers(String key) {
    return (List<Integer>) require(key);
  }

  /** Whether this component has a parameter of that name. */
  public boolean has(String key) {
    return params.containsKey(key);
  }

  private Object require(String key) {
    if (!params.containsKey(key)) {
      throw new IllegalArgumentException(name() + " has no parameter '" + key + "'");
    }
    Object value = params.get(key);
    if (value == null) {
      throw new IllegalStateException(name() + "." + key + " is unset");
    }
    return value;
  }

  /**
   * Every parameter as {@code k=v} joined by commas, in definition order: the exact identity of
   * this component, used in CSV columns and content keys.
   */
  public String config() {
    StringJoiner joiner = new StringJoiner(",");
    params.forEach((k, v) -> joiner.add(k + "=" + format(v)));
    if (!groups.isEmpty()) {
      joiner.add("groups=" + groupText(ParamGroup::config));
    }
    return joiner.toString();
  }

  /**
   * A short human label: the name and the parameters that differ from their defaults (plus
   * {@code lr}, which readers always want to see), e.g. {@code sgd(lr=0.1,momentum=0.9)}. A value
   * that a chosen preset supplies counts as a default: {@code char_rnn(size=full)}.
   */
  public String label() {
    StringJoiner joiner = new StringJoiner(",", name() + "(", ")");
    joiner.setEmptyValue(name());
    for (ParamDef p : def.params()) {
      Object value = params.get(p.name());
      if (p.name().equals("lr") || !Objects.equals(value, def.defaultFor(p, params))) {
        joiner.add(p.name() + "=" + format(value));
      }
    }
    if (!groups.isEmpty()) {
      joiner.add("groups=" + groupText(ParamGroup::label));
    }
    return joiner.toString();
  }

  private String groupText(java.util.function.Function<ParamGroup, String> text) {
    StringJoiner joiner = new StringJoiner(";", "[", "]");
    groups.forEach(g -> joiner.add(text.apply(g)));
    return joiner.toString();
  }

  /** Formats a value the way specs write it: 0.1 not 0.10000000149, integers without ".0". */
  public static String format(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Double d) {
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString(d.longValue()) + ".0";
      }
      return Double.toString(d);
    }
    if (value instanceof List<?> list) {
      StringJoiner joiner = new StringJoiner(";", "[", "]");
      list.forEach(item -> joiner.add(format(item)));
      return joiner.toString();
    }
    return value.toString();
  }
}
