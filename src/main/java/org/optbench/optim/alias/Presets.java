package org.optbench.optim.alias;

import java.util.LinkedHashMap;
import java.util.Map;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Component;

/** Named combinations of optimizer, clipping and schedule from the literature. */
public final class Presets {

  private Presets() {}

  /** An optimizer with its clipping method and schedule. */
  public record Preset(Component optimizer, Component clip, Component schedule) {}

  /**
   * GPT-3 (Brown et al. 2020, Appendix B.1): AdamW with β = (0.9, 0.95), ε = 1e-8, weight decay
   * 0.1, global-norm clipping at 1.0, linear warm-up then cosine decay to 10% of the peak. The
   * peak lr is GPT-3 Small's 6e-4; the warm-up length is the catalogue default, because the
   * paper's (375M tokens) depends on the batch size.
   */
  public static Preset gpt3() {
    return new Preset(
        with(Axis.OPTIMIZER, "adamw", Map.of("lr", 6e-4, "beta1", 0.9, "beta2", 0.95, "eps", 1e-8,
            "weight_decay", 0.1)),
        with(Axis.CLIP, "global_norm", Map.of("max_norm", 1.0)),
        with(Axis.SCHEDULE, "warmup_cosine", Map.of("final_factor", 0.1)));
  }

  private static Component with(Axis axis, String name, Map<String, Object> values) {
    Component defaults = Component.withDefaults(Catalog.require(axis, name));
    Map<String, Object> params = new LinkedHashMap<>(defaults.params());
    params.putAll(values);
    return new Component(defaults.def(), params);
  }
}
