package org.optbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How chart data are written: five significant digits, and steps 1, 2, 3, ... as x0 and dx. */
class ChartDataTest {

  @Test
  void valuesKeepFiveSignificantDigits() {
    assertEquals("[4.4841,1.2346E-4,123460.0,-0.48414,2,null]", ScriptJson.numbers(new double[] {
        4.484137711843752, 0.000123456789, 123456.7, -0.484137, 2.0, Double.NaN}).toString());
  }

  @Test
  void onlyAnArithmeticRunOfIntegersIsWrittenAsX0AndDx() {
    assertTrue(Chart.everyStep(new double[] {1, 2, 3, 4}));
    assertTrue(Chart.everyStep(new double[] {10, 20, 30}));
    assertFalse(Chart.everyStep(new double[] {1, 2, 4}), "a thinned line keeps its x");
    assertFalse(Chart.everyStep(new double[] {0.5, 1.5}), "not integers");
    assertFalse(Chart.everyStep(new double[] {3}), "one point");
  }
}
