package org.optbench.optim.alias;

import org.optbench.spec.Component;
import org.optbench.spec.PresetDef;

/**
 * Named combinations of optimizer, clipping and schedule from the literature, as the spec
 * catalogue defines them ({@link PresetDef}); a spec names one with
 * {@code grid.optimizer: [{preset: gpt3}]}.
 */
public final class Presets {

  private Presets() {}

  /** An optimizer with its clipping method and schedule. */
  public record Preset(Component optimizer, Component clip, Component schedule) {}

  /**
   * GPT-3 (Brown et al. 2020, Appendix B.1): AdamW with β = (0.9, 0.95), ε = 1e-8, weight decay
   * 0.1, global-norm clipping at 1.0, linear warm-up then cosine decay to 10% of the peak; see
   * {@link PresetDef#GPT3}.
   */
  public static Preset gpt3() {
    PresetDef d = PresetDef.GPT3;
    return new Preset(d.optimizer(), d.clip(), d.schedule());
  }
}
