package org.optbench.testing;

import java.util.Map;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.spec.DataSeed;

/** Builds grid cells in tests without going through YAML. */
public final class Cells {

  private Cells() {}

  /** A component with defaults, overridden by {@code overrides}. */
  public static Component component(Axis axis, String name, Map<String, Object> overrides) {
    Component defaults = Component.withDefaults(Catalog.require(axis, name));
    java.util.Map<String, Object> params = new java.util.LinkedHashMap<>(defaults.params());
    overrides.forEach(
        (key, value) -> {
          if (!params.containsKey(key)) {
            throw new IllegalArgumentException(name + " has no parameter " + key);
          }
          params.put(key, value);
        });
    return new Component(defaults.def(), params);
  }

  /** A djl cell with a constant schedule. */
  public static Cell cell(Component workload, Component optimizer, Component clip, long seed, int steps, int evalEvery) {
    return new Cell(
        workload,
        optimizer,
        clip,
        Component.withDefaults(Catalog.require(Axis.SCHEDULE, "constant")),
        seed,
        DataSeed.DEFAULT,
        "djl",
        steps,
        evalEvery);
  }

  /** No clipping. */
  public static Component noClip() {
    return Component.withDefaults(Catalog.require(Axis.CLIP, "none"));
  }
}
