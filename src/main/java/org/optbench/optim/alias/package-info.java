/**
 * Optimizers and clipping methods as recipes that chain the transforms of
 * {@code org.optbench.optim.transform}, each naming its reference, and
 * {@link org.optbench.optim.alias.NativeOptimizers}, which builds a ready-to-step
 * {@link org.optbench.optim.alias.NativeOptimizer} from the catalogue's resolved
 * {@link org.optbench.spec.Component}s. Depends on {@code org.optbench.optim.*} and, for
 * Component only, on {@code org.optbench.spec}.
 */
package org.optbench.optim.alias;
