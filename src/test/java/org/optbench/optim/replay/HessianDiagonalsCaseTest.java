package org.optbench.optim.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A case's per-step Hessian-diagonal estimates: given exactly at the steps where the optimizer
 * refreshes its estimate (Sophia with update_interval 2 over 3 steps: steps 1 and 3), null at the
 * others, one array per tensor; refused for an optimizer that takes none.
 */
class HessianDiagonalsCaseTest {

  private static final String SOPHIA = "{\"name\":\"sophia\",\"update_interval\":2}";
  private static final String PARAMS =
      "\"params\":[{\"name\":\"w\",\"shape\":[2],\"values\":[1,2]}]";
  private static final String GRADS = "\"grads\":[[[0.1,0.2]],[[0.1,0.2]],[[0.1,0.2]]]";

  private static String json(String optimizer, String hessians) {
    return "{\"optimizer\":" + optimizer + "," + PARAMS + "," + GRADS
        + (hessians == null ? "" : ",\"hessian_diagonals\":" + hessians) + "}";
  }

  @Test
  void estimatesAtTheRefreshingStepsAreRead() throws Exception {
    ReplayCase c = CaseReader.parse("c.json", json(SOPHIA, "[[[4,0.5]],null,[[6,0.75]]]"));
    assertArrayEquals(new float[] {4f, 0.5f}, c.hessianDiagonal(1)[0]);
    assertNull(c.hessianDiagonal(2));
    assertArrayEquals(new float[] {6f, 0.75f}, c.hessianDiagonal(3)[0]);
    assertEquals(c.hessianDiagonals(), c.withExpected(null).hessianDiagonals());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "missing|" + SOPHIA + "||hessian_diagonals: required: optimizer sophia takes a Hessian-diagonal estimate at the steps its update_interval names",
    "too few steps|" + SOPHIA + "|[[[4,0.5]],null]|hessian_diagonals: expected 3 entries, one per step (null at steps without an estimate)",
    "none where due|" + SOPHIA + "|[[[4,0.5]],null,null]|hessian_diagonals[2]: step 3 refreshes the estimate (steps 1, 1 + k, 1 + 2k, … for update_interval k); give one array per tensor",
    "one where not due|" + SOPHIA + "|[[[4,0.5]],[[1,1]],[[6,0.75]]]|hessian_diagonals[1]: step 2 does not refresh the estimate (steps 1, 1 + k, 1 + 2k, … for update_interval k); write null",
    "wrong length|" + SOPHIA + "|[[[4]],null,[[6,0.75]]]|hessian_diagonals[0][0]: tensor 'w' has 2 values, got 1",
    "beyond float32|" + SOPHIA + "|[[[4,1e39]],null,[[6,0.75]]]|hessian_diagonals[0][0][1]: 1.0E39 does not fit a 32-bit float",
    "an optimizer without estimates|{\"name\":\"adam\"}|[[[4,0.5]],null,[[6,0.75]]]|hessian_diagonals: optimizer adam takes no Hessian-diagonal estimate; remove the field",
  })
  void malformedEstimatesAreNamed(String what, String optimizer, String hessians,
      String message) {
    var e = assertThrows(ReplayException.class,
        () -> CaseReader.parse("c.json", json(optimizer, hessians)));
    assertEquals("c.json: " + message, e.getMessage());
  }
}
