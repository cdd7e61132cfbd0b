package org.optbench.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A named recipe from the literature that fixes an optimizer, its clipping method and its
 * schedule together, e.g. {@code gpt3}. A spec uses it as one entry of {@code grid.optimizer}:
 * {@code {preset: gpt3, lr: 3e-4, warmup_steps: 200}}; keys other than {@code preset} override
 * the hyperparameters of any of the three components, by name (no name occurs in two of them).
 *
 * @param name the word a spec writes after {@code preset:}
 * @param summary one line for listings
 * @param reference where the recipe comes from
 * @param optimizer the optimizer with the preset's values, every parameter resolved
 * @param clip the clipping method, every parameter resolved
 * @param schedule the schedule, every parameter resolved
 */
public record PresetDef(
    String name,
    String summary,
    String reference,
    Component optimizer,
    Component clip,
    Component schedule) {

  public PresetDef {
    List<String> seen = new ArrayList<>();
    for (Component c : List.of(optimizer, clip, schedule)) {
      for (String key : c.params().keySet()) {
        if (seen.contains(key)) {
          throw new IllegalArgumentException(
              "preset " + name + ": '" + key + "' names parameters of two components");
        }
        seen.add(key);
      }
    }
  }

  /**
   * GPT-3 (Brown et al. 2020, Appendix B.1): AdamW with β = (0.9, 0.95), ε = 1e-8, weight decay
   * 0.1, global-norm clipping at 1.0, linear warm-up then cosine decay to 10% of the peak. The
   * peak lr is GPT-3 Small's 6e-4; the warm-up length is the catalogue default (100 steps),
   * because the paper's (375M tokens) depends on the batch size.
   */
  public static final PresetDef GPT3 =
      new PresetDef(
          "gpt3",
          "AdamW β=(0.9, 0.95), wd 0.1, global-norm clip 1.0, warm-up + cosine to 10%",
          "Brown et al. 2020 (GPT-3), Appendix B.1",
          with(Catalog.require(Axis.OPTIMIZER, "adamw"), Map.of("lr", 6e-4, "beta1", 0.9, "beta2", 0.95, "eps", 1e-8,
              "weight_decay", 0.1)),
          with(Catalog.require(Axis.CLIP, "global_norm"), Map.of("max_norm", 1.0)),
          with(ScheduleDefs.WARMUP_COSINE, Map.of("final_factor", 0.1)));

  /** Every preset, in the order listings show them. */
  public static final List<PresetDef> ALL = List.of(GPT3);

  /** The preset of that name. */
  public static Optional<PresetDef> find(String name) {
    return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The three components, in axis order (optimizer, clip, schedule). */
  public List<Component> components() {
    return List.of(optimizer, clip, schedule);
  }

  private static Component with(ComponentDef def, Map<String, Object> values) {
    Map<String, Object> params = new LinkedHashMap<>(Component.withDefaults(def).params());
    params.putAll(values);
    return new Component(def, params);
  }
}
