/**
 * The native optimizer core: parameters as a {@link org.optbench.optim.ParamTree} of named float
 * arrays, and the {@link org.optbench.optim.GradientTransform} contract modelled on optax
 * ({@code init(params) → state}, {@code update(updates, state, params, context) → updates}).
 *
 * <p>Transforms work in place on preallocated buffers so that a training step allocates nothing
 * once the state exists. Depends on nothing else in optbench.
 */
package org.optbench.optim;
