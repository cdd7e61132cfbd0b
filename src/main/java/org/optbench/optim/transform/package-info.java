/**
 * Gradient transformations, one per file: optimizer building blocks ({@code scale_by_*},
 * {@code add_*}) and clipping methods ({@code clip_*}). Each state type sits beside its factory.
 * Depends only on {@code org.optbench.optim}.
 */
package org.optbench.optim.transform;
