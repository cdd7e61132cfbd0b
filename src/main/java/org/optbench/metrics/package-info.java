/**
 * Records of what training produced: per-step rows, per-run summaries and the environment a
 * result came from. Plain data shared by the engines, the result writer and the report, and the
 * one definition of steps and seconds to target ({@link org.optbench.metrics.TargetReach}) that
 * the report and {@code compare} share.
 */
package org.optbench.metrics;
