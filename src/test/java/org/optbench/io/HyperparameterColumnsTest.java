package org.optbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optbench.spec.Axis;
import tech.tablesaw.api.ColumnType;

/** Names, order, types and the unpacking of version 1's config strings (docs/data-schema.md). */
class HyperparameterColumnsTest {

  @Test
  void columnsAreOrderedByComponentThenParameterName() {
    assertEquals(
        List.of("workload_hidden", "optimizer_beta1", "optimizer_lr", "clip_max_norm",
            "schedule_warmup_steps"),
        HyperparameterColumns.ordered(List.of("schedule_warmup_steps", "optimizer_lr",
            "clip_max_norm", "workload_hidden", "optimizer_beta1")));
  }

  @Test
  void fixedColumnsWithAComponentPrefixAreNoHyperparameters() {
    for (String fixed : List.of("optimizer_config", "optimizer_state_bytes", "clip_method",
        "clip_config", "clipped_fraction", "workload", "optimizer")) {
      assertFalse(HyperparameterColumns.is(fixed), fixed);
    }
    assertTrue(HyperparameterColumns.is("optimizer_lr"));
  }

  @Test
  void typesComeFromTheCatalogue() {
    assertEquals(ColumnType.DOUBLE, HyperparameterColumns.type("optimizer_lr").orElseThrow());
    assertEquals(ColumnType.BOOLEAN,
        HyperparameterColumns.type("optimizer_nesterov").orElseThrow());
    // A list of layer widths is text, [32;16] as in workload_config.
    assertEquals(ColumnType.STRING, HyperparameterColumns.type("workload_hidden").orElseThrow());
    assertTrue(HyperparameterColumns.type("final_loss").isEmpty());
  }

  @Test
  void version1ConfigStringsUnpackWithoutNullsOrGroups() {
    // Adafactor's relative step as the committed nightly baseline writes it, plus a group list.
    Map<String, String> values = HyperparameterColumns.parse(Axis.OPTIMIZER,
        "lr=null,eps1=1.0E-30,beta1=null,relative_step=true,groups=[lr=0.1,select=a;b]");
    assertEquals(Map.of("optimizer_eps1", "1.0E-30", "optimizer_relative_step", "true"), values);
    assertEquals(Map.of("workload_hidden", "[32;16]", "workload_classes", "3"),
        HyperparameterColumns.parse(Axis.WORKLOAD, "hidden=[32;16],classes=3"));
    assertEquals(Map.of(), HyperparameterColumns.parse(Axis.CLIP, ""));
  }
}
