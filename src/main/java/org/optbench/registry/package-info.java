/**
 * The optimizer registry: one {@link org.optbench.registry.OptimizerEntry} per optimizer binds
 * its spec definition (hyperparameters, ranges, defaults, reference, rules), its native recipe
 * (with its state formula), its engine optimizer and its cross-check settings.
 *
 * <p>This package depends on the spec layer, the native library and the engine; they reach it
 * only through the provider interfaces it implements ({@link org.optbench.spec.CatalogueProvider},
 * {@link org.optbench.optim.alias.NativeOptimizerProvider}, {@link
 * org.optbench.engine.djl.EngineOptimizerProvider}), registered in META-INF/services, so that no
 * layer below lists the optimizers. Adding an optimizer is: its native transform, its engine
 * optimizer, its entry in {@link org.optbench.registry.OptimizerRegistry}, its reference vectors
 * and its hand-checked test.
 */
package org.optbench.registry;
