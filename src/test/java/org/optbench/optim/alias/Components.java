package org.optbench.optim.alias;

import java.util.LinkedHashMap;
import java.util.Map;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Component;

/** Catalogue components with some parameters changed, for tests. */
final class Components {

  private Components() {}

  static Component of(Axis axis, String name, Object... keyValues) {
    Component defaults = Component.withDefaults(Catalog.require(axis, name));
    Map<String, Object> params = new LinkedHashMap<>(defaults.params());
    for (int i = 0; i < keyValues.length; i += 2) {
      params.put((String) keyValues[i], keyValues[i + 1]);
    }
    return new Component(defaults.def(), params);
  }

  static Component optimizer(String name, Object... keyValues) {
    return of(Axis.OPTIMIZER, name, keyValues);
  }

  static Component clip(String name, Object... keyValues) {
    return of(Axis.CLIP, name, keyValues);
  }

  static Component schedule(String name, Object... keyValues) {
    return of(Axis.SCHEDULE, name, keyValues);
  }
}
