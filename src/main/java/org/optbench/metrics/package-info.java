/**
 * Records of what training produced: per-step rows, per-run summaries and the environment a
 * result came from. Plain data shared by the engines, the result writer and the report.
 */
package org.optbench.metrics;
