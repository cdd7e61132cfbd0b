/**
 * Runs a spec: expands the grid, trains each cell on its engine, stages and publishes the result
 * set, and builds the report. Knows nothing about YAML or HTML beyond calling {@code spec},
 * {@code io} and {@code report}.
 */
package org.optbench.runner;
