package org.optbench.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.optbench.testing.Cells;

/** Which optimizer each tensor of a two-layer MLP trains with, and the groups refused. */
class ParamAssignmentTest {

  private static final List<ParamAssignment.Param> MLP = List.of(
      new ParamAssignment.Param("layer0.weight", 2), new ParamAssignment.Param("layer0.bias", 1),
      new ParamAssignment.Param("layer1.weight", 2), new ParamAssignment.Param("layer1.bias", 1));

  private static Component optimizer(String name, Map<String, Object> overrides) {
    return Cells.component(Axis.OPTIMIZER, name, overrides);
  }

  private static ParamGroup group(String pattern, Integer rank, Component optimizer) {
    return new ParamGroup(
        new ParamSelector(pattern == null ? null : Pattern.compile(pattern), rank), optimizer);
  }

  @Test
  void withoutGroupsEveryTensorTrainsWithTheEntry() {
    Component adam = optimizer("adam", Map.of());
    assertFalse(ParamAssignment.needed(adam));
    ParamAssignment a = ParamAssignment.of(adam, MLP);
    assertEquals(List.of(adam), a.distinct());
  }

  @Test
  void muonTakesTheMatricesAndAdamwAtItsDefaultsTheRest() {
    Component muon = optimizer("muon", Map.of("lr", 0.02));
    assertTrue(ParamAssignment.needed(muon));
    ParamAssignment a = ParamAssignment.of(muon, MLP);
    Component adamw = Component.withDefaults(Catalog.require(Axis.OPTIMIZER, "adamw"));
    assertEquals(List.of(muon, adamw, muon, adamw),
        List.of(a.optimizerOf(0), a.optimizerOf(1), a.optimizerOf(2), a.optimizerOf(3)));
    assertEquals(0, a.tensorsOf(muon)[0]);
    assertEquals(2, a.tensorsOf(muon)[1]);
  }

  @Test
  void aGroupOverridesTheTensorsItSelectsByNameOrRank() {
    Component lamb = optimizer("adamw", Map.of("weight_decay", 0.1));
    Component noDecay = optimizer("adamw", Map.of("weight_decay", 0.0));
    Component byName = lamb.withGroups(List.of(group("bias$", null, noDecay)));
    Component byRank = lamb.withGroups(List.of(group(null, 1, noDecay)));
    for (Component c : List.of(byName, byRank)) {
      ParamAssignment a = ParamAssignment.of(c, MLP);
      assertEquals(lamb, a.optimizerOf(0).withGroups(List.of()));
      assertEquals(noDecay, a.optimizerOf(1));
      assertEquals(noDecay, a.optimizerOf(3));
    }
  }

  @Test
  void refusesAGroupThatSelectsNothing() {
    Component c = optimizer("adam", Map.of()).withGroups(
        List.of(group("norm", null, optimizer("sgd", Map.of()))));
    String message = assertThrows(IllegalArgumentException.class,
        () -> ParamAssignment.of(c, MLP)).getMessage();
    assertTrue(message.startsWith("groups[0] (name=norm) selects no parameter; the parameters"
        + " are layer0.weight (rank 2), layer0.bias (rank 1)"), message);
  }

  @Test
  void refusesATensorClaimedTwice() {
    Component c = optimizer("adam", Map.of()).withGroups(List.of(
        group(null, 1, optimizer("sgd", Map.of())), group("bias", null, optimizer("sgd",
            Map.of("lr", 0.1)))));
    String message = assertThrows(IllegalArgumentException.class,
        () -> ParamAssignment.of(c, MLP)).getMessage();
    assertEquals("parameter layer0.bias is claimed by groups[0] (rank=1) and by groups[1]"
        + " (name=bias); make the selectors disjoint so that each tensor has one optimizer",
        message);
  }

  @Test
  void refusesMuonWithoutAMatrixAndAGroupGivingMuonAVector() {
    String none = assertThrows(IllegalArgumentException.class, () -> ParamAssignment.of(
        optimizer("muon", Map.of()), List.of(new ParamAssignment.Param("x", 1)))).getMessage();
    assertTrue(none.startsWith("muon updates 2-D matrices only and none of the parameters"),
        none);
    Component c = optimizer("adam", Map.of()).withGroups(
        List.of(group("layer0", null, optimizer("muon", Map.of()))));
    String vector = assertThrows(IllegalArgumentException.class,
        () -> ParamAssignment.of(c, MLP)).getMessage();
    assertTrue(vector.startsWith("groups[0] (name=layer0) gives the rank-1 parameter layer0.bias"
        + " to muon"), vector);
  }

  @Test
  void groupsArePartOfTheIdentity() {
    Component plain = optimizer("adam", Map.of());
    Component grouped = plain.withGroups(List.of(group(null, 1, optimizer("sgd", Map.of()))));
    assertFalse(plain.equals(grouped));
    assertTrue(grouped.config().endsWith(",groups=[rank=1:sgd(" + optimizer("sgd", Map.of())
        .config() + ")]"), grouped.config());
    assertEquals(plain.config(), grouped.withGroups(List.of()).config());
  }
}
