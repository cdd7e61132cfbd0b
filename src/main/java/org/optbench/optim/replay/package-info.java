/**
 * Conformance replay: a case file gives an optimizer, an optional clipping method, initial
 * parameters and a gradient per step; a {@link org.optbench.optim.replay.ReplayEngine} takes the
 * steps, the replay loop applies the overflow policy every engine shares and returns the
 * parameter trajectory, which {@link org.optbench.optim.replay.TrajectoryCheck} compares with the
 * expected one. The JSON format is a contract other tools rely on; see docs/optimizers.md.
 */
package org.optbench.optim.replay;
