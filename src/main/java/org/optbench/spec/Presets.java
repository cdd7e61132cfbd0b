package org.optbench.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named sets of defaults chosen by one parameter of a component, such as a workload's
 * {@code size: smoke | full}. A parameter the spec leaves out takes the chosen preset's value
 * when the preset names it, else its {@link ParamDef} default; values the spec gives always win.
 * The resolved values are what a {@link Component} holds, so {@link Component#config()} (and
 * with it run ids and CSV columns) shows exactly what ran.
 *
 * @param param the parameter that picks the preset, e.g. {@code size}
 * @param values preset name → parameter → value; a preset absent here means "the defaults"
 */
public record Presets(String param, Map<String, Map<String, Object>> values) {

  /** No presets: every left-out parameter takes its default. */
  public static final Presets NONE = new Presets("", Map.of());

  public Presets {
    Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
    values.forEach((name, settings) -> copy.put(name, Map.copyOf(settings)));
    values = Map.copyOf(copy);
  }

  /** The default of {@code p} once the preset parameter has the value {@code preset}. */
  public Object defaultFor(ParamDef p, Object preset) {
    Map<String, Object> chosen = values.get(preset);
    if (chosen != null && chosen.containsKey(p.name())) {
      return chosen.get(p.name());
    }
    return p.defaultValue();
  }
}
