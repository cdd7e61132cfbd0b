package org.optbench.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Components made in Java pass the checks a spec's would; the rest keep the catalogue's defaults. */
class ComponentValuesTest {

  @Test
  void setValuesReplaceDefaultsAndTheOthersStay() {
    Component adam = ComponentValues.resolve(Axis.OPTIMIZER, "adam", Map.of("lr", 3e-4, "beta2", 0.95));
    Component defaults = Component.withDefaults(Catalog.require(Axis.OPTIMIZER, "adam"));
    assertEquals(3e-4, adam.number("lr"));
    assertEquals(0.95, adam.number("beta2"));
    assertEquals(defaults.number("beta1"), adam.number("beta1"));
    assertEquals(defaults.number("eps"), adam.number("eps"));
  }

  @Test
  void integersAreWholeNumbersAndFlagsBooleans() {
    Component step = ComponentValues.resolve(Axis.SCHEDULE, "step", Map.of("step_size", 30.0));
    assertEquals(30, step.integer("step_size"));
    var fraction = assertThrows(IllegalArgumentException.class,
        () -> ComponentValues.resolve(Axis.SCHEDULE, "step", Map.of("step_size", 2.5)));
    assertEquals("step.step_size is an integer, got 2.5", fraction.getMessage());
    var word = assertThrows(IllegalArgumentException.class,
        () -> ComponentValues.resolve(Axis.OPTIMIZER, "sgd", Map.of("nesterov", "yes")));
    assertEquals("sgd.nesterov is true or false, got yes", word.getMessage());
  }

  @Test
  void rangesAndRulesAreThoseOfASpec() {
    var negative = assertThrows(IllegalArgumentException.class,
        () -> ComponentValues.resolve(Axis.OPTIMIZER, "sgd", Map.of("lr", -0.1)));
    assertEquals("sgd.lr must be > 0, got -0.1", negative.getMessage());
    var nesterov = assertThrows(IllegalArgumentException.class,
        () -> ComponentValues.resolve(Axis.OPTIMIZER, "sgd", Map.of("nesterov", true)));
    assertTrue(nesterov.getMessage().startsWith("optimizer sgd: "), nesterov.getMessage());
    var text = assertThrows(IllegalArgumentException.class,
        () -> ComponentValues.resolve(Axis.CLIP, "global_norm", Map.of("max_norm", List.of(1))));
    assertEquals("global_norm.max_norm is a number, got [1]", text.getMessage());
  }
}
