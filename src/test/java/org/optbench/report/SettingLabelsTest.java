package org.optbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The learning rate is removed from a setting label wherever it stands. */
class SettingLabelsTest {

  @Test
  void lrIsRemovedFirstLastOrAlone() {
    assertEquals(
        "sgd(momentum=0.9) · none · djl",
        SettingLabels.withoutLr("sgd(lr=0.1,momentum=0.9) · none · djl"));
    assertEquals("sgd(momentum=0.9)", SettingLabels.withoutLr("sgd(momentum=0.9,lr=0.1)"));
    assertEquals("adam · global_norm", SettingLabels.withoutLr("adam(lr=0.01) · global_norm"));
    assertEquals("adam", SettingLabels.withoutLr("adam"));
  }

  @Test
  void theOptimizerIsThePartBeforeTheFirstSeparator() {
    assertEquals("adam(lr=0.01)", SettingLabels.optimizer("adam(lr=0.01) · none · djl"));
    assertEquals("adam(lr=0.01)", SettingLabels.optimizer("adam(lr=0.01)"));
  }
}
