/**
 * Training runs of the closed-form objectives ({@link org.optbench.workload.AnalyticObjective})
 * entirely in Java, for the {@code native} engine: the objective's value and gradient come from
 * {@link org.optbench.engine.analytic.Float32Objective}, the step from the native optimizer, and
 * nothing on a step's path touches DJL or libtorch. A step of Reddi et al.'s one-dimensional
 * online problem costs about a microsecond here, records included, instead of the 0.3–1 ms of an
 * autograd pass through libtorch, so the paper's 200,000 steps train in a fraction of a second.
 *
 * <p>The run reproduces what the DJL-based native run ({@code engine.djl.DjlTrainingRun} with
 * {@code NativeStep}) records: the same float32 arithmetic as the autograd graph of {@code
 * AnalyticBlock}, the same divergence policy, projection, clipping, schedules and step records.
 * {@code AnalyticPathCrossCheckTest} checks the two against each other step by step.
 */
package org.optbench.engine.analytic;
