package org.optbench.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.ParamDef;
import org.optbench.spec.ParamType;

/**
 * The settings the cross-checks run, as the registry generates them: every flag of every entry
 * both on and off, and every optional hyperparameter both unset (null) and set, among each
 * entry's settings.
 */
class CrossChecksTest {

  private static void assertCoversEveryFlagAndOptional(ComponentDef def, List<Component> settings) {
    for (ParamDef p : def.params()) {
      List<Object> seen = new ArrayList<>();
      settings.forEach(c -> seen.add(c.params().get(p.name())));
      if (p.type() == ParamType.BOOL) {
        assertTrue(seen.contains(true) && seen.contains(false),
            def.name() + "." + p.name() + " is not checked both on and off: " + seen);
      }
      if (p.optional()) {
        assertTrue(seen.contains(null) && seen.stream().anyMatch(v -> v != null),
            def.name() + "." + p.name() + " is not checked both unset and set: " + seen);
      }
    }
  }

  @Test
  void everyOptimizerFlagAndOptionalParameterIsCheckedBothWays() {
    for (OptimizerEntry entry : OptimizerRegistry.entries()) {
      assertCoversEveryFlagAndOptional(entry.definition(), CrossChecks.settings(entry));
    }
  }

  @Test
  void everyClipOptionalParameterIsCheckedBothWays() {
    for (ClipEntry entry : ClipRegistry.entries()) {
      assertCoversEveryFlagAndOptional(entry.definition(), CrossChecks.settings(entry));
    }
  }

  /** SGD: its own two settings, then nesterov toggled off from the first (on), in that order. */
  @Test
  void flagsAreToggledFromTheFirstSetting() {
    List<Component> sgd = CrossChecks.settings(OptimizerRegistry.find("sgd").orElseThrow());
    assertEquals(3, sgd.size());
    assertTrue(sgd.get(0).flag("nesterov"));
    assertTrue(!sgd.get(2).flag("nesterov"));
    assertEquals(0.9, sgd.get(2).number("momentum"));
  }
}
