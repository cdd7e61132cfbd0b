package org.optbench.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code grid.optimizer: [{preset: gpt3, ...}]}: one entry fixes optimizer, clip and schedule. */
class PresetEntryTest {

  private static ExperimentSpec parse(String grid) throws SpecException {
    return SpecParser.parse(Path.of("p.yaml"),
        "name: p\nworkloads: [mlp]\nsteps: 1000\nseeds: [0, 1]\ngrid:\n" + grid);
  }

  /** Brown et al. 2020, App. B.1, with GPT-3 Small's peak lr. */
  @Test
  void gpt3HasThePapersSettings() throws SpecException {
    List<Cell> cells = parse("  optimizer: [{preset: gpt3}]\n").cells();
    assertEquals(2, cells.size());
    Cell c = cells.get(0);
    assertEquals("adamw", c.optimizer().name());
    assertEquals(6e-4, c.optimizer().number("lr"));
    assertEquals(0.9, c.optimizer().number("beta1"));
    assertEquals(0.95, c.optimizer().number("beta2"));
    assertEquals(1e-8, c.optimizer().number("eps"));
    assertEquals(0.1, c.optimizer().number("weight_decay"));
    assertEquals(false, c.optimizer().flag("amsgrad"));
    assertEquals("global_norm(max_norm=1.0)", c.clip().name() + "(max_norm="
        + c.clip().number("max_norm") + ")");
    assertEquals("warmup_cosine", c.schedule().name());
    assertEquals(100, c.schedule().integer("warmup_steps"));
    assertEquals(0.1, c.schedule().number("final_factor"));
    assertEquals(null, c.schedule().params().get("total_steps"));
  }

  /** Keys override whichever component has them; lists expand as elsewhere. */
  @Test
  void overridesReachEachComponentAndListsExpand() throws SpecException {
    ExperimentSpec spec = parse(
        "  optimizer: [{preset: gpt3, lr: [3e-4, 6e-4], max_norm: 0.5, warmup_steps: 200}]\n");
    assertEquals(List.of(3e-4, 6e-4),
        spec.presets().stream().map(p -> p.optimizer().number("lr")).toList());
    for (PresetPoint p : spec.presets()) {
      assertEquals("gpt3", p.preset());
      assertEquals(0.95, p.optimizer().number("beta2"));
      assertEquals(0.5, p.clip().number("max_norm"));
      assertEquals(200, p.schedule().integer("warmup_steps"));
    }
    assertEquals(4, spec.cells().size());
  }

  /**
   * Plain entries cross the clip and schedule axes; the preset entry does not: 2 clips × 1
   * schedule for adam, plus the preset's own cell, per seed.
   */
  @Test
  void presetPointsAreNotCrossedWithTheOtherAxes() throws SpecException {
    ExperimentSpec spec = parse("""
          optimizer: [adam, {preset: gpt3}]
          clip: [none, value]
        """);
    List<String> labels = spec.cells().stream()
        .filter(c -> c.seed() == 0)
        .map(c -> c.optimizer().name() + " " + c.clip().name() + " " + c.schedule().name())
        .toList();
    assertEquals(List.of("adam none constant", "adam value constant",
        "adamw global_norm warmup_cosine"), labels);
    assertEquals(List.of("adam"), spec.optimizers().stream().map(Component::name).toList());
  }

  /** A preset cell is an ordinary cell: the same settings written out give the same run id. */
  @Test
  void presetCellEqualsTheSameSettingsWrittenOut() throws SpecException {
    Cell preset = parse("  optimizer: [{preset: gpt3}]\n").cells().get(0);
    Cell written = parse("""
          optimizer: [{name: adamw, lr: 6e-4, beta2: 0.95, weight_decay: 0.1}]
          clip: [global_norm]
          schedule: [warmup_cosine]
        """).cells().get(0);
    assertEquals(written.runId(), preset.runId());
  }
}
