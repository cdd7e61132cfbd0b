package org.optbench.registry;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.EngineComponentProvider;
import org.optbench.engine.djl.GradientClipping;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.alias.NativeComponentProvider;
import org.optbench.optim.alias.Recipe;
import org.optbench.spec.CatalogueProvider;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;

/**
 * The registries as the layers below see them: the spec layer's definitions, the native
 * library's and the engine's implementations, looked up by component name. Registered in
 * META-INF/services and loaded by {@link java.util.ServiceLoader}.
 */
public final class Providers
    implements CatalogueProvider, NativeComponentProvider, EngineComponentProvider {

  /** For {@link java.util.ServiceLoader}; the registries themselves are static. */
  public Providers() {}

  @Override
  public List<ComponentDef> optimizers() {
    return OptimizerRegistry.entries().stream().map(OptimizerEntry::definition).toList();
  }

  @Override
  public List<ComponentDef> clips() {
    return ClipRegistry.entries().stream().map(ClipEntry::definition).toList();
  }

  @Override
  public Map<String, String> unsupportedOptimizers() {
    return OptimizerRegistry.unsupported();
  }

  @Override
  public Recipe recipe(Component optimizer) {
    return optimizerEntry(optimizer).recipe(optimizer);
  }

  @Override
  public GradientTransform clip(Component clip, int steps) {
    return clipEntry(clip).nativeClip(clip, steps);
  }

  @Override
  public Optimizer optimizer(Component optimizer, Tracker learningRate) {
    return optimizerEntry(optimizer).engine(optimizer, learningRate);
  }

  @Override
  public GradientClipping clipping(Component clip) {
    return clipEntry(clip).engineClip(clip);
  }

  private static OptimizerEntry optimizerEntry(Component optimizer) {
    return OptimizerRegistry.find(optimizer.name()).orElseThrow(() ->
        new IllegalArgumentException("optimizer '" + optimizer.name() + "' is not in the registry"));
  }

  private static ClipEntry clipEntry(Component clip) {
    return ClipRegistry.find(clip.name()).orElseThrow(() ->
        new IllegalArgumentException("clip '" + clip.name() + "' is not in the registry"));
  }
}
