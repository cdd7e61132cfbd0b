package org.optbench.engine.djl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.ComponentValues;

/**
 * optbench's gradient clipping methods ({@code optbench list}, "clipping") for a DJL training
 * loop, applied to all gradients together between the backward pass and the step by {@link
 * TorchStep}:
 *
 * <pre>{@code
 * GradientClipping clip = TorchClipping.named("global_norm").set("max_norm", 1.0).build();
 * }</pre>
 *
 * <p>{@code global_norm} is torch.nn.utils.clip_grad_norm_ and {@code value} is
 * clip_grad_value_; the adaptive methods (AGC, AutoClip, ZClip, …) follow their papers, as
 * docs/optimizers.md lists.
 */
public final class TorchClipping {

  private TorchClipping() {}

  /**
   * The clipping method {@code name} of the catalogue ({@link #names()}).
   *
   * @throws IllegalArgumentException for a name the catalogue does not have
   */
  public static Builder named(String name) {
    Catalog.find(Axis.CLIP, name).orElseThrow(
        () -> new IllegalArgumentException(Catalog.unknownName(Axis.CLIP, name)));
    return new Builder(name);
  }

  /** The names {@link #named(String)} accepts, in catalogue order. */
  public static List<String> names() {
    return Catalog.components(Axis.CLIP).stream().map(ComponentDef::name).toList();
  }

  /** Hyperparameters of one clipping method; {@link #build()} checks them. */
  public static final class Builder {

    private final String name;
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name;
    }

    /** Sets hyperparameter {@code key} (its spec name, e.g. {@code max_norm}). */
    public Builder set(String key, Object value) {
      values.put(key, value);
      return this;
    }

    /**
     * The clipping; a method that keeps state across steps (AutoClip's history, ZClip's
     * averages) must serve one training run only.
     *
     * @throws IllegalArgumentException naming the hyperparameter and what it accepts
     */
    public GradientClipping build() {
      return GradientClipping.of(ComponentValues.resolve(Axis.CLIP, name, values));
    }
  }
}
