package org.optbench.spec;

import java.util.List;
import java.util.Map;

/**
 * Where the optimizers' and clipping methods' definitions come from. The spec layer validates
 * against them, but each definition is bound to its implementations in one registry entry
 * ({@code org.optbench.registry}), which depends on this layer and the engines; the registry is
 * found through {@link java.util.ServiceLoader} so that the spec layer need not depend on the engines.
 */
public interface CatalogueProvider {

  /** The optimizers, in the order {@code list} shows them. */
  List<ComponentDef> optimizers();

  /** The gradient-clipping methods, in the order {@code list} shows them. */
  List<ComponentDef> clips();

  /**
   * Optimizers a user may expect (torch.optim has them) that optbench does not run, each with why;
   * specs that name one get that reason instead of "unknown".
   */
  Map<String, String> unsupportedOptimizers();
}
