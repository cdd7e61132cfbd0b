/**
 * The only package that imports {@code ai.djl}: models, the training loop, torch.optim-exact
 * optimizers as DJL {@code Optimizer} subclasses, and global gradient clipping between backward
 * and step. DJL is forced offline before any of its classes load ({@link
 * org.optbench.engine.djl.DjlOffline}).
 */
package org.optbench.engine.djl;
