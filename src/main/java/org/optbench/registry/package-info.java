/**
 * The registry: one {@link org.optbench.registry.OptimizerEntry} per optimizer and one {@link
 * org.optbench.registry.ClipEntry} per clipping method binds its spec definition
 * (hyperparameters, ranges, defaults, reference, rules), its native implementation (for
 * optimizers with the state formula), its engine implementation and its cross-check settings
 * ({@link org.optbench.registry.CrossChecks} adds every flag toggled).
 *
 * <p>This package depends on the spec layer, the native library and the engine; they reach it
 * only through the provider interfaces {@link org.optbench.registry.Providers} implements ({@link
 * org.optbench.spec.CatalogueProvider}, {@link org.optbench.optim.alias.NativeComponentProvider},
 * {@link org.optbench.engine.djl.EngineComponentProvider}), registered in META-INF/services, so
 * that no layer below lists the optimizers or clipping methods. Adding an optimizer is: its
 * native transform, its engine optimizer, its entry (and its line in {@link
 * org.optbench.registry.OptimizerRegistry}), its reference vectors and its hand-checked test.
 */
package org.optbench.registry;
