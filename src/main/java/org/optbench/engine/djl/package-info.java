/**
 * The only package that imports {@code ai.djl}: models, the training loop, torch.optim-exact
 * optimizers as DJL {@code Optimizer} subclasses, and global gradient clipping between backward
 * and step. DJL is forced offline before any of its classes load ({@link
 * org.optbench.engine.djl.DjlOffline}).
 *
 * <p>Models: dense networks use DJL's Linear layers; the convnet, the Transformer LM and the
 * analytic objectives are {@link org.optbench.engine.djl.ExplicitBlock}s that declare their
 * parameters in the engine-free order and compute with NDArray operations; the recurrent LM wraps
 * DJL's fused LSTM/GRU. The loop ({@link org.optbench.engine.djl.DjlTrainingRun}) feeds float
 * features, token ids or an objective's per-step coefficient ({@link
 * org.optbench.engine.djl.StepInputs}), projects bounded objectives after each step, and hands
 * throughput and language-model samples to the listener at the end. For an optimizer that
 * preconditions with the Hessian's diagonal (Sophia) it adds, every few steps, a
 * Gauss–Newton–Bartlett pass on sampled labels ({@link org.optbench.engine.djl.GnbEstimator}).
 */
package org.optbench.engine.djl;
